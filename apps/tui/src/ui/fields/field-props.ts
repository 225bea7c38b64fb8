import type { ContactField } from '@cc/schema'

/** What every field component gets: which field, how it stands, and the room it has. */
export interface FieldProps {
  meta: ContactField
  focused: boolean
  /** Differs from the saved value (the label gets its `*`). */
  changed: boolean
  /** The error shown under the field, if any; it also colours the field's counter. */
  error?: string | undefined
  /** Columns for the value after the label. */
  valueWidth: number
}

/** How much of a length limit is used, shown where it bites: always for multi-line text, near the limit for the rest. */
export function lengthCounter(meta: ContactField, length: number): string | undefined {
  const max = meta.maxLength
  if (max === undefined || max < 20) return undefined
  if (meta.kind === 'multiline' || length >= max * 0.8) return `${length}/${max}`
  return undefined
}
