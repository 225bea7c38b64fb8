import {
  type ContactFieldName,
  type ContactValues,
  contactField,
  contactFieldNames,
  fieldErrors,
  normalizePhone,
  normalizeState,
  parseTags,
  UpdateContactInput,
} from '@cc/schema'
import { parseMoney } from '../state/form.js'

export type AssignmentResult = { ok: true; patch: ContactValues } | { ok: false; errors: Record<string, string> }

const isField = (name: string): name is ContactFieldName => (contactFieldNames as string[]).includes(name)

/**
 * `field=value` arguments → a patch, checked against the update schema. Values are read the way
 * the editor reads them: tags comma-separated, a price as an amount, phone and state normalised.
 */
export function parseAssignments(args: readonly string[]): AssignmentResult {
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
    const kind = contactField(name).kind
    if (kind === 'tags') patch[name] = parseTags(raw)
    else if (kind === 'money') {
      const amount = parseMoney(raw)
      if (amount === undefined || Number.isNaN(amount)) {
        errors[name] = `${contactField(name).label}: must be an amount like 450000 or $450,000`
      } else patch[name] = amount
    } else if (kind === 'phone') patch[name] = raw === '' ? raw : normalizePhone(raw)
    else if (kind === 'state') patch[name] = normalizeState(raw)
    else patch[name] = raw
  }
  const result = UpdateContactInput.safeParse(patch)
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
