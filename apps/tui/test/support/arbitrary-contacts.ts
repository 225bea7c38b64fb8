import { ContactValues, Email } from '@cc/schema'
import fc from 'fast-check'
import type { ContactRecord } from '../../src/transfer/contact-record.js'

/** Text that often starts with a character a spreadsheet treats specially (`=`, `+`, `-`, `@`, tab, CR, `'`). */
export const riskyText = (minLength = 0, maxLength = 40) =>
  fc.oneof(
    fc.string({ unit: 'binary', minLength, maxLength }),
    fc
      .tuple(
        fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\r\n', '\n', "'", "''", '=+', '"', ','),
        fc.string({ unit: 'binary', maxLength }),
      )
      .map(([start, rest]) => start + rest),
  )

/** A tag as the API hands tags back (split from `"a, b"`): trimmed, no comma, 1–50 characters. */
const tag = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 25 })
  .map((text) => text.replaceAll(',', ';').trim())
  .filter((text) => text.length > 0 && text.length <= 50)

const iso = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
  .map((date) => date.toISOString())

/**
 * A contact as an export writes it: any value the schema allows in every field (the text ones full of quotes,
 * commas, line breaks and formula starts), fields left out at random. Lengths stay under half the limits, which
 * count UTF-16 units, since a generated character may take two.
 */
export const arbitraryContactRecord: fc.Arbitrary<ContactRecord> = fc
  .record(
    {
      id: fc.stringMatching(/^[a-zA-Z0-9_-]{8,20}$/),
      firstName: riskyText(1, 50),
      lastName: riskyText(1, 50),
      email: fc.emailAddress().filter((email) => Email.safeParse(email).success),
      phone: fc.stringMatching(/^\+?[1-9]\d{1,14}$/),
      source: riskyText(0, 50),
      stage: riskyText(1, 40),
      price: fc.oneof(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
      ),
      timeframe: riskyText(0, 50),
      background: riskyText(0, 500),
      tags: fc.uniqueArray(tag, { maxLength: 20 }),
      street: riskyText(0, 100),
      city: riskyText(0, 50),
      state: fc.stringMatching(/^[A-Z]{2}$/),
      zipCode: fc.stringMatching(/^\d{5}(-\d{4})?$/),
      createdAt: iso,
      updatedAt: iso,
    },
    { requiredKeys: ['id'] },
  )
  .filter(({ id: _id, createdAt: _created, updatedAt: _updated, ...values }) => ContactValues.safeParse(values).success)
