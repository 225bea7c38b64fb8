import {
  type ContactFieldName,
  type ContactValues,
  CreateContactInput,
  contactField,
  contactFieldNames,
  fieldErrors,
  UpdateContactInput,
} from '@cc/schema'
import { readFieldText } from '../transfer/field-text.js'

export type AssignmentResult<T = ContactValues> = { ok: true; patch: T } | { ok: false; errors: Record<string, string> }

const isField = (name: string): name is ContactFieldName => (contactFieldNames as string[]).includes(name)

/** `set` checks a patch; `create` a new contact (which needs a name, an email or a phone). */
const SCHEMAS = { update: UpdateContactInput, create: CreateContactInput } as const

/**
 * `field=value` arguments → a patch, checked against the update (or create) schema. Values are read the way
 * the editor reads them: tags comma-separated, a price as an amount, phone and state normalised.
 */
export function parseAssignments(
  args: readonly string[],
  purpose: keyof typeof SCHEMAS = 'update',
): AssignmentResult<UpdateContactInput> {
  const patch: Record<string, unknown> = {}
  const errors: Record<string, string> = {}
  for (const arg of args) {
    const eq = arg.indexOf('=')
    if (eq <= 0) {
      errors[arg] = `"${arg}" is not field=value`
      continue
    }
    const name = arg.slice(0, eq)
    const raw = arg.slice(eq + 1)
    if (!isField(name)) {
      errors[name] = `unknown field "${name}"; fields: ${contactFieldNames.join(', ')}`
      continue
    }
    if (name in patch) {
      errors[name] = `${contactField(name).label}: given more than once`
      continue
    }
    const reading = readFieldText(name, raw)
    if (reading.ok) patch[name] = reading.value
    else errors[name] = `${contactField(name).label}: ${reading.rule}`
  }
  const result = SCHEMAS[purpose].safeParse(patch)
  if (!result.success) {
    // Report every problem at once: the schema's, next to the ones found while reading the values.
    for (const [key, message] of Object.entries(fieldErrors(result.error))) {
      if (key === '*' && Object.keys(errors).length > 0) continue
      errors[key] ??= message
    }
  }
  if (Object.keys(errors).length > 0 || !result.success) return { ok: false, errors }
  return { ok: true, patch: result.data }
}
