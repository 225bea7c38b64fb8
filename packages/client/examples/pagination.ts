import { type CcClient, createClient, type Person } from '@cc/client'

/** Every contact, one request per page of 100, as you iterate. */
export async function everyContact(cc: CcClient = createClient()): Promise<Person[]> {
  const people: Person[] = []
  for await (const person of cc.people.list({ limit: 100 })) people.push(person)
  return people
}

/** Page by page, when you want the page boundaries (a progress bar, say). */
export async function pageByPage(cc: CcClient = createClient()): Promise<number[]> {
  const sizes: number[] = []
  const first = await cc.people.list({ limit: 50 })
  for await (const page of first.iterPages()) sizes.push(page.data.length)
  return sizes
}

/** By hand: `hasNextPage()` and `getNextPage()`, or resume later from `nextCursor`. */
export async function twoPages(cc: CcClient = createClient()) {
  const first = await cc.people.list({ limit: 10 })
  const second = first.hasNextPage() ? await first.getNextPage() : undefined
  const resumeFrom = second?.nextCursor // pass back as cc.people.list({ cursor: resumeFrom })
  return { first: first.data, second: second?.data ?? [], resumeFrom }
}
