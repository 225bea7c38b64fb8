import { describe, expect, it } from 'vitest'
import {
  ApiErrorBody,
  ApiIssue,
  DeleteContactResponse,
  ERROR_TEXT_MAX_CHARS,
  fieldErrors,
  ListMeta,
  ListPeopleResponse,
  Meta,
  parseErrorBody,
  UpdateContactResponse,
  UpsertContactResponse,
} from './index.js'

const meta = { requestId: '3c90c3cc-0d44-4b50-8888-8dd25736052a', timestamp: '2023-11-07T05:31:56Z', version: '1.0.0' }

describe('parseErrorBody on text', () => {
  it('reads the words of an HTML page', () => {
    expect(parseErrorBody('<html><body><h1>502 Bad Gateway</h1>\n<p>nginx</p></body></html>')).toEqual({
      message: '502 Bad Gateway nginx',
    })
  })

  // Before, `/<[^>]*>/g` went back over the rest of the text from every unclosed `<`: a 1 MiB body took minutes.
  it('reads a 1 MiB body of unclosed "<" at once', () => {
    expect(parseErrorBody('<'.repeat(1 << 20))).toEqual({ message: '<'.repeat(300) })
    expect(parseErrorBody(`${'<a'.repeat(1 << 19)}>`)).toEqual({ message: '<a'.repeat(150) })
  })

  it(`reads only the first ${ERROR_TEXT_MAX_CHARS} characters`, () => {
    expect(parseErrorBody(`${' '.repeat(ERROR_TEXT_MAX_CHARS)}Bad Gateway`)).toEqual({})
    expect(parseErrorBody(`Bad Gateway${'!'.repeat(ERROR_TEXT_MAX_CHARS)}`).message).toMatch(/^Bad Gateway!+$/)
  })

  it('gives the documented meta.requestId of an error body', () => {
    expect(parseErrorBody({ meta, error: 'Invalid API key' })).toEqual({
      message: 'Invalid API key',
      requestId: meta.requestId,
    })
  })
})

describe('success answers the docs allow', () => {
  it('without `success`: only `meta` is required, a 2xx is a success', () => {
    expect(UpdateContactResponse.parse({ meta })).toEqual({ meta })
    expect(
      DeleteContactResponse.parse({
        meta,
        message: 'Operation completed successfully',
        data: { deleted: true, permanent: false },
      }),
    ).toMatchObject({ data: { deleted: true } })
  })

  it('keeps unknown fields anywhere, never an error', () => {
    const answer = {
      meta: { ...meta, count: 1, hasMore: false, region: 'us-east' },
      data: [
        {
          id: 'jd79abc123def',
          emails: [{ value: 'john@example.com', verified: true }],
          phones: [{ value: '+15551234567', carrier: 'x' }],
          createdAt: '2023-11-15T10:00:00Z',
          customFields: { budget: 'high' },
        },
      ],
      links: { next: null },
    }
    expect(ListPeopleResponse.parse(answer)).toEqual(answer)
    const upsert = {
      meta,
      data: { created: true, id: 'jd79abc123def', person: answer.data[0], warnings: [] },
      success: true,
    }
    expect(UpsertContactResponse.parse(upsert)).toEqual(upsert)
  })
})

describe('parseErrorBody on our error body', () => {
  it('gives its code, message, request id and issues', () => {
    const issues = [{ path: ['tags', 1], message: 'must not be empty' }]
    const body = { meta, success: false, error: { code: 'validation_failed', message: 'Tags: bad', issues } }
    expect(parseErrorBody(body)).toEqual({
      code: 'validation_failed',
      message: 'Tags: bad',
      requestId: meta.requestId,
      issues,
    })
    // Even an empty message or code is theirs to give: the strict shape is read as it is.
    expect(parseErrorBody({ meta, success: false, error: { code: '', message: '' } })).toEqual({
      code: '',
      message: '',
      requestId: meta.requestId,
    })
  })
})

describe('parseErrorBody on text', () => {
  it('drops tags with attributes, and collapses white space of every kind', () => {
    expect(parseErrorBody('<div class="err" id=x>Service\t\tUnavailable</div>\r\n\n<br/>retry')).toEqual({
      message: 'Service Unavailable retry',
    })
    expect(parseErrorBody('a<b>c')).toEqual({ message: 'a c' })
  })

  it('keeps a "<" or ">" that opens or closes no tag', () => {
    expect(parseErrorBody('limit < 5')).toEqual({ message: 'limit < 5' })
    expect(parseErrorBody('5 > limit')).toEqual({ message: '5 > limit' })
    expect(parseErrorBody('<<b>x')).toEqual({ message: '< x' })
  })

  it('cuts the message at 300 characters', () => {
    expect(parseErrorBody('x'.repeat(301))).toEqual({ message: 'x'.repeat(300) })
    expect(parseErrorBody('x'.repeat(300))).toEqual({ message: 'x'.repeat(300) })
  })

  it('reads nothing from a body that is only tags and white space', () => {
    expect(parseErrorBody('')).toEqual({})
    expect(parseErrorBody(' \n\t ')).toEqual({})
    expect(parseErrorBody('<html><body></body></html>')).toEqual({})
  })
})

describe('parseErrorBody on other values', () => {
  it.each([null, undefined, 42, true, Symbol('x')])('reads nothing from %s', (body) => {
    expect(parseErrorBody(body)).toEqual({})
  })

  it('reads nothing from an object or list without the words of an error', () => {
    const parsed = parseErrorBody({ status: 500 })
    expect(parsed).toEqual({})
    expect(Object.keys(parsed)).not.toContain('issues')
    expect(parseErrorBody([])).toEqual({})
  })
})

describe('parseErrorBody on bodies of other servers', () => {
  it('reads `{ error: "text" }`', () => {
    expect(parseErrorBody({ error: 'Invalid API key' })).toEqual({ message: 'Invalid API key' })
  })

  it('reads `{ error: { code, message, issues } }` without meta', () => {
    const issues = [{ path: ['email'], message: 'must be a valid email address' }]
    expect(parseErrorBody({ error: { code: 'bad', message: 'Nope', issues } })).toEqual({
      code: 'bad',
      message: 'Nope',
      issues,
    })
  })

  it('reads `{ code, message, requestId, issues }` at the top', () => {
    const issues = [{ path: [], message: 'must change at least one field' }]
    expect(parseErrorBody({ code: 'bad', message: 'Nope', requestId: 'r1', issues })).toEqual({
      code: 'bad',
      message: 'Nope',
      requestId: 'r1',
      issues,
    })
  })

  it('prefers what is inside `error` to what is beside it', () => {
    expect(
      parseErrorBody({ error: { code: 'inner', message: 'Inner' }, code: 'outer', message: 'Outer', errors: ['x'] }),
    ).toEqual({ code: 'inner', message: 'Inner' })
    expect(parseErrorBody({ error: 'Inner', message: 'Outer' })).toEqual({ message: 'Inner' })
    expect(
      parseErrorBody({ error: { issues: [{ path: ['a'], message: 'in' }] }, issues: [{ path: ['b'], message: 'out' }] })
        .issues,
    ).toEqual([{ path: ['a'], message: 'in' }])
  })

  it('falls back to what is beside `error` when `error` lacks it', () => {
    expect(parseErrorBody({ error: { code: 'inner' }, message: 'Outer' })).toEqual({ code: 'inner', message: 'Outer' })
    expect(parseErrorBody({ error: { message: 'Inner' }, code: 'outer' })).toEqual({ code: 'outer', message: 'Inner' })
    expect(parseErrorBody({ error: {}, issues: [{ path: ['b'], message: 'out' }] }).issues).toEqual([
      { path: ['b'], message: 'out' },
    ])
  })

  it('skips blank and non-text values for the next candidate', () => {
    expect(
      parseErrorBody({ error: { code: ' ', message: '\n' }, code: 'outer', message: 'Outer', requestId: 'r2' }),
    ).toEqual({ code: 'outer', message: 'Outer', requestId: 'r2' })
    expect(parseErrorBody({ error: { code: 7, message: ['x'] }, code: 'outer', message: 'Outer' })).toEqual({
      code: 'outer',
      message: 'Outer',
    })
    expect(parseErrorBody({ error: '   ', message: 'Outer' })).toEqual({ message: 'Outer' })
    expect(parseErrorBody({ message: '  ' })).toEqual({})
  })

  it('keeps the text of a message as sent, spaces and all', () => {
    expect(parseErrorBody({ message: ' Not found ' })).toEqual({ message: ' Not found ' })
  })

  it('reads the first of `{ errors: [...] }`, text or `{ message }`', () => {
    expect(parseErrorBody({ errors: ['First', 'Second'] })).toEqual({ message: 'First' })
    expect(parseErrorBody({ errors: [{ message: 'First' }, { message: 'Second' }] })).toEqual({ message: 'First' })
    expect(parseErrorBody({ errors: [{ message: ' ' }] })).toEqual({})
    expect(parseErrorBody({ errors: [{ detail: 'First' }] })).toEqual({})
    expect(parseErrorBody({ errors: [null, 'Second'] })).toEqual({})
    expect(parseErrorBody({ errors: [42] })).toEqual({})
    expect(parseErrorBody({ errors: 'First' })).toEqual({})
    expect(parseErrorBody({ errors: { message: 'First' } })).toEqual({})
    expect(parseErrorBody({ message: 'Top', errors: ['First'] })).toEqual({ message: 'Top' })
  })

  it('takes `meta.requestId` before a `requestId` beside it, and skips a blank one', () => {
    expect(parseErrorBody({ meta: { requestId: 'm1' }, requestId: 'r1', error: 'x' }).requestId).toBe('m1')
    expect(parseErrorBody({ meta: { requestId: '' }, requestId: 'r1', error: 'x' }).requestId).toBe('r1')
    expect(parseErrorBody({ meta: 'm1', requestId: 'r1' }).requestId).toBe('r1')
  })

  it('gives issues only when they are a list of `{ path, message }`', () => {
    const read = (issues: unknown) => Object.keys(parseErrorBody({ message: 'Bad', issues }))
    expect(read([{ path: ['a', 0], message: 'm' }])).toContain('issues')
    expect(read([])).toContain('issues')
    expect(read([{ path: 'a', message: 'm' }])).not.toContain('issues')
    expect(read([{ message: 'm' }])).not.toContain('issues')
    expect(read('a: m')).not.toContain('issues')
    expect(read(undefined)).not.toContain('issues')
  })
})

describe('the envelopes', () => {
  it('Meta needs the request id, time stamp and version, each text', () => {
    expect(Meta.safeParse(meta).success).toBe(true)
    const { requestId: _, ...noId } = meta
    expect(Meta.safeParse(noId).error?.issues).toEqual([
      expect.objectContaining({ path: ['requestId'], message: 'is required' }),
    ])
    expect(Meta.safeParse({ ...meta, version: 1 }).error?.issues[0]?.message).toBe('must be text')
  })

  it('ListMeta adds a whole, non-negative count, whether there is more and the cursor', () => {
    const list = { ...meta, count: 0, hasMore: false }
    expect(ListMeta.safeParse(list).success).toBe(true)
    expect(ListMeta.safeParse({ ...list, nextCursor: null }).success).toBe(true)
    expect(ListMeta.safeParse({ ...list, nextCursor: 'c2' }).success).toBe(true)
    expect(fieldErrors(ListMeta.safeParse({ ...list, count: -1 }).error ?? [])).toEqual({
      count: 'count: must be 0 or more',
    })
    expect(fieldErrors(ListMeta.safeParse({ ...list, count: 1.5 }).error ?? [])).toEqual({
      count: 'count: must be a whole number',
    })
    expect(fieldErrors(ListMeta.safeParse({ ...meta, count: 1 }).error ?? [])).toEqual({
      hasMore: 'hasMore: is required',
    })
  })

  it('an error body says `success: false`, and its issues have a path of names and indexes', () => {
    const body = {
      meta,
      success: false,
      error: { code: 'x', message: 'y', issues: [{ path: ['a', 1], message: 'm' }] },
    }
    expect(ApiErrorBody.safeParse(body).success).toBe(true)
    expect(fieldErrors(ApiErrorBody.safeParse({ ...body, success: true }).error ?? [])).toEqual({
      success: 'success: must be false',
    })
    expect(ApiIssue.safeParse({ path: [true], message: 'm' }).error?.issues[0]?.message).toBe(
      'does not match any of the allowed forms',
    )
  })
})
