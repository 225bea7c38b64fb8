import { type ContactFieldKind, contactField } from '@cc/schema'
import type { FieldName } from './form.js'

/**
 * The five kinds of input a form draws and edits. Several schema kinds share one: an email, a phone
 * or a ZIP code is typed like any other line of text.
 */
export type FieldInput = 'text' | 'money' | 'multiline' | 'tags' | 'stage'

const inputs: Record<ContactFieldKind, FieldInput> = {
  text: 'text',
  email: 'text',
  phone: 'text',
  state: 'text',
  zip: 'text',
  money: 'money',
  multiline: 'multiline',
  tags: 'tags',
  stage: 'stage',
}

export function inputOf(name: FieldName): FieldInput {
  return inputs[contactField(name).kind]
}
