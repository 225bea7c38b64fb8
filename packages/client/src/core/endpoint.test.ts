import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { prepareCall } from './endpoint.js'
import { ValidationError } from './errors.js'

/** Characters that matter in a URL path, lone surrogates, and anything else. */
const awkward = fc.oneof(
  fc.constantFrom('.', '/', '\\', '%', '2e', '?', '#', ' ', '\uD800', '\uDC00'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
)

/** The ValidationError `prepare` throws. */
function thrown(prepare: () => unknown): ValidationError {
  try {
    prepare()
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError)
    return error as ValidationError
  }
  throw new Error('expected a ValidationError')
}

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

  it('refuses "." and "..", encoded or not, whatever the rule set; any other run of dots is an id', () => {
    for (const rules of ['protective', 'documented', false] as const) {
      for (const id of ['.', '..', '%2e', '%2E%2e', '.%2E']) {
        expect(
          () => prepareCall('moveDeal', { params: { id }, body: { stageId: 's' } }, 'deals.move', { rules }),
          `${rules} ${id}`,
        ).toThrow('Invalid input for deals.move: id: must not be "." or ".."')
      }
      const dots = prepareCall('moveDeal', { params: { id: '...' }, body: { stageId: 's' } }, 'deals.move', { rules })
      expect(dots.path).toBe('/deals/.../move')
      const prefixed = prepareCall('moveDeal', { params: { id: 'x..' }, body: { stageId: 's' } }, 'deals.move', {
        rules,
      })
      expect(prefixed.path).toBe('/deals/x../move')
      expect(
        prepareCall('moveDeal', { params: { id: '..x' }, body: { stageId: 's' } }, 'deals.move', { rules }).path,
      ).toBe('/deals/..x/move')
    }
  })

  it('a path parameter that is not text is refused, whatever the rule set, and never turned into text', () => {
    for (const rules of ['protective', 'documented', false] as const) {
      for (const id of [42, Object.create(null), { toString: () => 'jd79abc123def' }] as string[]) {
        expect(
          () => prepareCall('moveDeal', { params: { id }, body: { stageId: 's' } }, 'deals.move', { rules }),
          `${rules}`,
        ).toThrow('Invalid input for deals.move: id: must be text')
      }
    }
  })

  it('an idempotency key: our rule (no spaces at either end), else only what fetch can send', () => {
    const create = (idempotencyKey: string, rules: 'protective' | 'documented' | false) =>
      prepareCall('upsertPerson', { body: { email: 'a@b.co' }, idempotencyKey }, 'people.create', { rules })
    const ours =
      'Invalid input for people.create: idempotencyKey: must be printable ASCII, with no spaces at either end'
    const fetchs = 'Invalid input for people.create: idempotencyKey: must be a valid HTTP header value'
    expect(() => create(' key ', 'protective')).toThrow(ours)
    expect(() => create('€uro', 'protective')).toThrow(ours)
    expect(create('ok-key', 'protective').idempotencyKey).toBe('ok-key')
    for (const rules of ['documented', false] as const) {
      expect(create(' key ', rules).idempotencyKey).toBe(' key ')
      expect(() => create('a\nb', rules)).toThrow(fetchs)
      expect(() => create('€uro', rules)).toThrow(fetchs)
    }
    // One problem, named once, with the issue under the option's name.
    const error = (() => {
      try {
        create('€uro', 'protective')
      } catch (thrown) {
        return thrown as ValidationError
      }
    })()
    expect(error?.issues.map((issue) => issue.path)).toEqual([['idempotencyKey']])
    expect(error?.fieldErrors).toEqual({
      idempotencyKey: 'idempotencyKey: must be printable ASCII, with no spaces at either end',
    })
  })

  it('an endpoint that takes no idempotency key sends none and does not check one it is given', () => {
    for (const rules of ['protective', 'documented', false] as const) {
      const call = prepareCall(
        'createDeal',
        { body: { title: 't', pipelineId: 'p' }, idempotencyKey: 'a\nb' },
        'deals.create',
        { rules },
      )
      expect(call.idempotencyKey, `${rules}`).toBeUndefined()
    }
  })

  it('a key fetch cannot send is one custom issue under idempotencyKey', () => {
    const error = thrown(() =>
      prepareCall('upsertPerson', { body: { email: 'a@b.co' }, idempotencyKey: 'a\nb' }, 'people.create', {
        rules: false,
      }),
    )
    expect(error.issues).toEqual([
      { code: 'custom', path: ['idempotencyKey'], message: 'must be a valid HTTP header value', input: undefined },
    ])
  })

  it('a path parameter refused as a segment has no schema issue behind it', () => {
    const error = thrown(() =>
      prepareCall('moveDeal', { params: { id: '..' }, body: { stageId: 's' } }, 'deals.move', { rules: false }),
    )
    expect(error.issues).toEqual([])
    expect(error.fieldErrors).toEqual({ id: 'id: must not be "." or ".."' })
  })

  it('names every problem of the input at once', () => {
    const error = (() => {
      try {
        prepareCall('updatePerson', { params: { id: 'short' }, body: { email: 'nope' } }, 'people.update')
      } catch (thrown) {
        return thrown as ValidationError
      }
    })()
    expect(error).toBeInstanceOf(ValidationError)
    expect(error?.message).toBe(
      'Invalid input for people.update: id: must be at least 8 characters of letters, digits, "_" or "-"; Email: must be a valid email address',
    )
    expect(error?.issues).toHaveLength(2)
  })

  it('rules: false sends the input as given', () => {
    const call = prepareCall(
      'updatePerson',
      { params: { id: 'x' }, body: { email: 'nope', nickname: 1 } },
      'people.update',
      { rules: false },
    )
    expect(call).toMatchObject({ method: 'PUT', path: '/people/x', body: { email: 'nope', nickname: 1 } })
    expect(call.query).toBeUndefined()
    expect(call.idempotencyKey).toBeUndefined()
  })

  it('the documented rules let fields through that ours refuse', () => {
    const body = { firstName: 'John', zipcode: '78701' }
    expect(() => prepareCall('upsertPerson', { body }, 'people.create')).toThrow(ValidationError)
    expect(prepareCall('upsertPerson', { body }, 'people.create', { rules: 'documented' }).body).toEqual(body)
  })

  it('leaves out query parameters that are undefined, and has no query for a call without one', () => {
    const call = prepareCall(
      'deletePerson',
      { params: { id: 'jd79abc123def' }, query: { permanent: undefined } },
      'people.delete',
      { rules: false },
    )
    expect(call.query).toEqual({})
    expect(prepareCall('me', {}, 'me').query).toBeUndefined()
    expect(prepareCall('me', {}, 'me').body).toBeUndefined()
  })

  describe('escape hatches', () => {
    it('extraQuery: over the parameters of the same name, as text, even where there is no query', () => {
      const call = prepareCall('listPeople', { query: { limit: 5 } }, 'people.list', {
        rules: 'protective',
        extraQuery: { limit: 2, archived: false, ratio: 1.5 },
      })
      expect(call.query).toEqual({ limit: '2', archived: 'false', ratio: '1.5' })
      expect(prepareCall('me', {}, 'me', { rules: 'protective', extraQuery: { a: 1 } }).query).toEqual({ a: '1' })
    })

    it('extraQuery: a parameter called "__proto__" is a parameter', () => {
      const extraQuery = JSON.parse('{"__proto__":"x"}') as Record<string, string>
      const { query } = prepareCall('me', {}, 'me', { rules: 'protective', extraQuery })
      expect(Object.hasOwn(query ?? {}, '__proto__')).toBe(true)
      expect(new URLSearchParams(query).toString()).toBe('__proto__=x')
    })

    it('extraBody: over the fields of the same name, after validation', () => {
      const call = prepareCall('updatePerson', { params: { id: 'jd79abc123def' }, body: { city: 'Austin' } }, 'x', {
        rules: 'protective',
        extraBody: { city: 'austin', nickname: 'Al' },
      })
      expect(call.body).toEqual({ city: 'austin', nickname: 'Al' })
      const noBody = prepareCall('createActivity', {}, 'activities.create', { rules: false, extraBody: { a: 1 } })
      expect(noBody.body).toEqual({ a: 1 })
    })

    it('extraBody: refused for a call that sends no body, or a body that is not an object', () => {
      expect(() =>
        prepareCall('getPerson', { params: { id: 'jd79abc123def' } }, 'people.get', {
          rules: 'protective',
          extraBody: { a: 1 },
        }),
      ).toThrow('Invalid request options: extraBody: is only for calls that send a body (people.get sends none)')
      // An option refused: no schema issue behind it.
      const error = thrown(() => prepareCall('me', {}, 'me', { rules: 'protective', extraBody: { a: 1 } }))
      expect(error.issues).toEqual([])
      expect(error.fieldErrors).toEqual({ extraBody: 'extraBody: is only for calls that send a body (me sends none)' })
      for (const body of [[1], null, 'text', 3]) {
        expect(
          () => prepareCall('createActivity', { body }, 'activities.create', { rules: false, extraBody: { a: 1 } }),
          JSON.stringify(body),
        ).toThrow('Invalid request options: extraBody: needs a body that is an object')
      }
    })
  })
})
