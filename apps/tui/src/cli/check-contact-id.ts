import { ContactId } from '@cc/schema'
import type { Io } from './io.js'

/** Whether `id` is a contact id; if not, says why on stderr. */
export function checkContactId(id: string, io: Io): boolean {
  const result = ContactId.safeParse(id)
  if (result.success) return true
  io.stderr.write(`Contact id "${id}": ${result.error.issues[0]?.message ?? 'is not valid'}\n`)
  return false
}
