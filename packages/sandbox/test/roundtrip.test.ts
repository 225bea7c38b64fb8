import { ContactValues, formatTags, UpsertContactResponse } from '@cc/schema'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createSandbox, type Sandbox } from '../src/index.js'
import { call } from './call.js'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await createSandbox({ seed: false })
})
afterAll(() => sandbox.close())

const text = (max: number) => fc.string({ minLength: 1, maxLength: max }).filter((s) => s.trim() === s)
const contact = fc.record(
  {
    firstName: text(100),
    lastName: text(100),
    phone: fc.stringMatching(/^\+[1-9]\d{7,14}$/),
    source: text(100),
    stage: fc.constantFrom('stage_lead', 'stage_active', 'stage_nurture'),
    price: fc.double({ min: 0, max: 1e9, noNaN: true }),
    timeframe: text(100),
    background: fc.string({ minLength: 1, maxLength: 300 }),
    tags: fc.uniqueArray(
      text(50).filter((t) => !t.includes(',')),
      { maxLength: 20 },
    ),
    street: text(200),
    city: text(100),
    state: fc.constantFrom('CA', 'TX', 'NY'),
    zipCode: fc.stringMatching(/^\d{5}(-\d{4})?$/),
  },
  { requiredKeys: ['firstName'] },
)

/** Whatever valid contact is written comes back in the read model, field for field. */
it('every valid contact created reads back with the same values', async () => {
  let n = 0
  await fc.assert(
    fc.asyncProperty(contact, async (input) => {
      expect(ContactValues.safeParse(input).success).toBe(true)
      const body = { ...input, email: `roundtrip${n++}@example.com` }
      const res = await call(sandbox, 'POST', '/people', { body })
      expect(res.status).toBe(201)
      const person = UpsertContactResponse.parse(res.body).data.person
      const got = (await call(sandbox, 'GET', `/people/${person.id}`)).body.data
      expect(got).toEqual(person)
      expect(person).toMatchObject({
        firstName: input.firstName,
        emails: [{ value: body.email, isPrimary: true }],
        stageId: input.stage ?? 'stage_lead',
        ...(input.lastName === undefined ? {} : { lastName: input.lastName }),
        ...(input.phone === undefined ? {} : { phones: [expect.objectContaining({ value: input.phone })] }),
        ...(input.price === undefined ? {} : { price: input.price }),
        ...(input.tags?.length ? { tags: formatTags(input.tags) } : {}),
        ...(input.zipCode === undefined ? {} : { zipCode: input.zipCode }),
        ...(input.background === undefined ? {} : { background: input.background }),
      })
      if (input.tags?.length === 0) expect(person.tags).toBeUndefined()
    }),
    { numRuns: 150, seed: Number(process.env.FUZZ_SEED ?? 4242) },
  )
})
