import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { prepareCall } from './endpoint.js'
import { ValidationError } from './errors.js'

/** Characters that matter in a URL path, lone surrogates, and anything else. */
const awkward = fc.oneof(
  fc.constantFrom('.', '/', '\\', '%', '2e', '?', '#', ' ', '\uD800', '\uDC00'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
)

describe('prepareCall', () => {
  it('turns any deal id into exactly one path segment that decodes back to it, or refuses it', () => {
    fc.assert(
      fc.property(fc.string({ unit: awkward, maxLength: 12 }), (id) => {
        let path: string
        try {
          path = prepareCall('moveDeal', { params: { id }, body: { stageId: 's' } }, 'deals.move').path
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError)
          return
        }
        const url = new URL(`https://api.example.test/v1${path}`)
        const segments = url.pathname.split('/')
        expect(segments).toHaveLength(5)
        expect(segments.slice(0, 3)).toEqual(['', 'v1', 'deals'])
        expect(decodeURIComponent(segments[3] ?? '')).toBe(id)
        expect(segments[4]).toBe('move')
        expect(url.search).toBe('')
        expect(url.hash).toBe('')
      }),
    )
  })

  it('refuses ids that cannot be encoded', () => {
    expect(() => prepareCall('moveDeal', { params: { id: 'a\uD800b' }, body: { stageId: 's' } }, 'deals.move')).toThrow(
      'id: must be valid Unicode text',
    )
  })

  it('only builds contact paths from ids of the documented form', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (id) => {
        const valid = /^[a-zA-Z0-9_-]{8,}$/.test(id)
        const build = () => prepareCall('getPerson', { params: { id } }, 'people.get')
        if (valid) expect(build().path).toBe(`/people/${id}`)
        else expect(build).toThrow(ValidationError)
      }),
    )
  })

  it('sends the parsed query with defaults, as strings', () => {
    expect(prepareCall('listPeople', {}, 'people.list').query).toEqual({ limit: '10' })
    expect(
      prepareCall('deletePerson', { params: { id: 'jd79abc123def' }, query: { permanent: true } }, 'x').query,
    ).toEqual({
      permanent: 'true',
    })
  })

  it('mints an idempotency key only where the endpoint takes one', () => {
    expect(prepareCall('upsertPerson', { body: { email: 'a@b.co' } }, 'people.create').idempotencyKey).toMatch(
      /^[0-9a-f-]{36}$/,
    )
    expect(
      prepareCall('createDeal', { body: { title: 't', pipelineId: 'p' } }, 'deals.create').idempotencyKey,
    ).toBeUndefined()
  })
})
