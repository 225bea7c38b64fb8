import { ContactId, type SearchPeopleQuery } from '@cc/schema'

/**
 * Which searches a query needs. The API matches an id and an email exactly, a phone normalised and
 * a name fuzzily (two characters or more); what the person typed decides which of these can match.
 */
export function searchQueries(input: string): SearchPeopleQuery[] {
  const q = input.trim()
  if (q.includes('@')) return [{ email: q }]
  const digits = q.replace(/\D/g, '')
  if (/^[+\d\s().-]+$/.test(q) && digits.length >= 3) return [{ phone: q }]
  const queries: SearchPeopleQuery[] = []
  if (ContactId.safeParse(q).success) queries.push({ id: q })
  if (q.length >= 2) queries.push({ name: q })
  return queries
}
