import { randomInt } from 'node:crypto'

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

/** Random characters from a lowercase alphanumeric alphabet. */
export function randomId(length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)]
  return out
}

/** Contact ids look like the docs' `jd79abc123def`: 13 lowercase letters and digits. */
export const newPersonId = (): string => randomId(13)
export const newDealId = (): string => `deal_${randomId(12)}`
export const newActivityId = (): string => `act_${randomId(12)}`
export { ALPHABET as ID_ALPHABET }
