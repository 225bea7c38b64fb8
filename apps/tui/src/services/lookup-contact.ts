import type { CcClient } from '@cc/client'
import type { Person } from '@cc/schema'
import type { LookupField } from '../state/editor/create.js'

/**
 * The contact that already has this email (or phone), if any: the oldest match, the one a create with this email
 * updates (`GET /people/search`, exact email, normalised phone).
 */
export async function lookupContact(
  client: CcClient,
  field: LookupField,
  value: string,
  signal: AbortSignal,
): Promise<Person | undefined> {
  const found = await client.people.search(field === 'email' ? { email: value } : { phone: value }, { signal })
  return found[0]
}
