import type { CcClient } from '@cc/client'
import type { Person } from '@cc/schema'
import { searchQueries } from '../state/contacts/search.js'

/** Contacts per page of the list: a few screens' worth, so scrolling rarely waits. */
export const PAGE_SIZE = 50

export interface LoadedPage {
  people: Person[]
  nextCursor?: string | null
  hasMore: boolean
}

export async function loadPage(
  client: CcClient,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<LoadedPage> {
  const page = await client.people.list({ limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }, signal ? { signal } : {})
  return { people: page.data, nextCursor: page.meta.nextCursor, hasMore: page.meta.hasMore }
}

/** Every search the typed text calls for, run together, merged with exact (id) matches first and no duplicates. */
export async function searchContacts(client: CcClient, text: string, signal?: AbortSignal): Promise<Person[]> {
  const queries = searchQueries(text)
  const results = await Promise.all(queries.map((query) => client.people.search(query, signal ? { signal } : {})))
  const byId = new Map<string, Person>()
  for (const person of results.flat()) if (!byId.has(person.id)) byId.set(person.id, person)
  return [...byId.values()]
}
