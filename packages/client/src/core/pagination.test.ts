import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
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

describe('a page', () => {
  const body = (cursor: string | null, hasMore: boolean, data: unknown[] = [person(ID)], requestId = 'req_p') =>
    json(200, { meta: { ...meta(requestId), count: data.length, hasMore, nextCursor: cursor }, data })

  it('the next cursor only while the server says there is more, on a page that has items', async () => {
    const cases: [string | null, boolean, unknown[], string | undefined][] = [
      ['c2', true, [person(ID)], 'c2'],
      ['c2', false, [person(ID)], undefined],
      ['c2', true, [], undefined],
      ['', true, [person(ID)], undefined],
      [null, true, [person(ID)], undefined],
    ]
    for (const [cursor, hasMore, data, next] of cases) {
      const page = await createClient(offline(answering(() => body(cursor, hasMore, data)).fetch)).people.list()
      expect(page.nextCursor, JSON.stringify([cursor, hasMore, data.length])).toBe(next)
      expect(page.hasNextPage()).toBe(next !== undefined)
    }
  })

  it('getNextPage on the last page fails, saying to check hasNextPage() first; nothing is sent', async () => {
    const { fetch, sent } = answering(() => body(null, false))
    const page = await createClient(offline(fetch)).people.list()
    await expect(page.getNextPage()).rejects.toThrow('There is no next page: check hasNextPage() first')
    expect(sent).toHaveLength(1)
  })

  it('carries its data, meta and request id; iterPages starts with itself', async () => {
    const { fetch } = answering(
      () => body('c2', true, [person(ID)], 'req_1'),
      () => body(null, false, [person('jd79second001')], 'req_2'),
    )
    const first = await createClient(offline(fetch)).people.list()
    expect(first.data.map((p) => p.id)).toEqual([ID])
    expect(first.meta).toMatchObject({ hasMore: true, nextCursor: 'c2', count: 1 })
    expect(first.requestId).toBe('req_1')
    const pages = []
    for await (const page of first.iterPages()) pages.push(page)
    expect(pages[0]).toBe(first)
    expect(pages.map((page) => page.requestId)).toEqual(['req_1', 'req_2'])
    expect(pages.map((page) => page.data.map((p) => p.id))).toEqual([[ID], ['jd79second001']])
  })

  it('a list answer without data or meta (validation off) is an empty last page', async () => {
    const page = await createClient(offline(answering(() => json(200, {})).fetch, { validate: 'off' })).people.list()
    expect(page.data).toEqual([])
    expect(page.meta).toEqual({})
    expect(page.hasNextPage()).toBe(false)
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

/** V8's `gc()`, though the tests run without `--expose-gc`: the flag set now reaches a new context's globals. */
function exposedGc(): () => void {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
}

/**
 * Whether the object behind `ref` has been collected after a full collection. A `WeakRef` keeps its target until
 * the job that made or read it ends: the collection runs in a later task.
 */
async function collected(ref: WeakRef<object>, gc: () => void): Promise<boolean> {
  await new Promise((resolve) => setTimeout(resolve, 0))
  gc()
  return ref.deref() === undefined
}

describe('memory: one page at a time', () => {
  /** A server of `pages` pages of 50 contacts, each made when it is asked for. */
  const paged = (pages: number) => async (request: Request) => {
    const at = Number(new URL(request.url).searchParams.get('cursor') ?? 0)
    const data = Array.from({ length: 50 }, (_, i) => person(`jd79p${String(at * 50 + i).padStart(8, '0')}`))
    const hasMore = at < pages - 1
    return json(200, { meta: { ...meta(), count: data.length, hasMore, nextCursor: String(at + 1) }, data })
  }
  const gc = exposedGc()

  it('for await over a list: the contacts of a page walked past can be collected', async () => {
    const cc = createClient(offline(paged(6)))
    let first: WeakRef<object> | undefined
    let walked = 0
    let firstGone: boolean | undefined
    for await (const contact of cc.people.list({ limit: 50 })) {
      if (++walked === 1) first = new WeakRef(contact)
      if (walked === 175 && first) firstGone = await collected(first, gc)
    }
    expect(walked).toBe(300)
    expect(firstGone).toBe(true)
  })

  it('iterPages: a page walked past can be collected', async () => {
    const cc = createClient(offline(paged(6)))
    let first: WeakRef<object> | undefined
    let firstGone: boolean | undefined
    let pages = 0
    for await (const page of (await cc.people.list({ limit: 50 })).iterPages()) {
      if (++pages === 1) first = new WeakRef(page)
      if (pages === 4 && first) firstGone = await collected(first, gc)
    }
    expect(pages).toBe(6)
    expect(firstGone).toBe(true)
  })

  it('the check sees a page that is still held: one the caller keeps stays', async () => {
    const cc = createClient(offline(paged(6)))
    const held = await cc.people.list({ limit: 50 })
    const first = new WeakRef(held.data[0] as object)
    let walked = 0
    let firstGone: boolean | undefined
    for await (const _ of held) if (++walked === 175) firstGone = await collected(first, gc)
    expect(firstGone).toBe(false)
    expect(held.data).toHaveLength(50)
  })
})
