import { describe, expect, it } from 'vitest'
import { createClient, Page } from '../index.js'
import { answering, json, meta, offline, person } from './test-fetch.js'

const ID = 'jd79abc123def'

describe('pagination guards', () => {
  const page =
    (cursor: string | null, hasMore: boolean, data = [person(ID)]) =>
    () =>
      json(200, { meta: { ...meta(), count: data.length, hasMore, nextCursor: cursor }, data })

  it('stops a server that hands back the cursor it was given', async () => {
    const cc = createClient(offline(answering(page('c1', true), page('c1', true)).fetch))
    const seen: string[] = []
    const walk = async () => {
      for await (const p of cc.people.list()) seen.push(p.id)
    }
    await expect(walk()).rejects.toThrow('The API returned the same cursor twice (c1)')
    expect(seen).toEqual([ID, ID])
  })

  it('treats an empty page, or a missing cursor, as the end', async () => {
    const empty = await createClient(offline(answering(page('c9', true, [])).fetch)).people.list()
    expect(empty).toBeInstanceOf(Page)
    expect(empty.hasNextPage()).toBe(false)
    const noCursor = await createClient(offline(answering(page(null, true)).fetch)).people.list()
    expect(noCursor.hasNextPage()).toBe(false)
  })

  it('asks for the next page with the same limit and the cursor', async () => {
    const { fetch, sent } = answering(page('c1', true), page(null, false))
    const all = []
    for await (const p of createClient(offline(fetch)).people.list({ limit: 25 })) all.push(p)
    expect(all).toHaveLength(2)
    expect(sent.map((r) => r.url.search)).toEqual(['?limit=25', '?limit=25&cursor=c1'])
  })
})

describe('server text in pagination errors', () => {
  it('a repeated cursor is named without the escape sequences it carries', async () => {
    const cursor = 'c1\x1b]0;pwned\x07\u202e'
    const body = () =>
      json(200, { meta: { ...meta(), count: 1, hasMore: true, nextCursor: cursor }, data: [person(ID)] })
    const walk = async () => {
      for await (const _ of createClient(offline(answering(body, body).fetch)).people.list()) {
        // walking
      }
    }
    await expect(walk()).rejects.toThrow(/^The API returned the same cursor twice \(c1\)$/)
  })
})
