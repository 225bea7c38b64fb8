import { formatMoney, parseMoney } from '../../state/form.js'
import { TextField, type TextFieldProps } from './TextField.js'

/** An amount: typed as text, shown formatted ("$450,000") once the field is left and the text reads as an amount. */
export function MoneyField(props: Omit<TextFieldProps, 'display'>) {
  const amount = parseMoney(props.value)
  const display = amount === undefined || Number.isNaN(amount) ? undefined : formatMoney(amount)
  return <TextField {...props} {...(display === undefined ? {} : { display })} />
}
