import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatTags, parseTags, Tag } from './index.js'

/** A tag that survives the comma-joined form: trimmed, non-empty, no comma. */
const roundTripTag = fc
  .string({ minLength: 1, maxLength: 50, unit: 'grapheme' })
  .map((tag) => tag.replaceAll(',', ' ').trim())
  .filter((tag) => tag !== '')

describe('parseTags / formatTags', () => {
  it('read and write the API form', () => {
    expect(parseTags('VIP, Hot Lead, Referral')).toEqual(['VIP', 'Hot Lead', 'Referral'])
    expect(parseTags(' VIP ,,Hot Lead, ')).toEqual(['VIP', 'Hot Lead'])
    expect(parseTags('')).toEqual([])
    expect(parseTags(null)).toEqual([])
    expect(parseTags(undefined)).toEqual([])
    expect(formatTags(['VIP', 'Hot Lead'])).toBe('VIP, Hot Lead')
    expect(formatTags([])).toBe('')
  })

  it('round-trip: parseTags(formatTags(tags)) gives the tags back', () => {
    fc.assert(
      fc.property(fc.array(roundTripTag, { maxLength: 25 }), (tags) => {
        expect(parseTags(formatTags(tags))).toEqual(tags)
      }),
      { numRuns: 500 },
    )
  })

  it('parseTags of any string gives tags that round-trip and are valid tag text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const tags = parseTags(text)
        expect(parseTags(formatTags(tags))).toEqual(tags)
        for (const tag of tags) {
          expect(tag).toBe(tag.trim())
          expect(tag).not.toContain(',')
          expect(tag.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('a round-trip tag is a valid Tag exactly when it has at most 50 characters', () => {
    fc.assert(
      fc.property(roundTripTag, (tag) => {
        expect(Tag.safeParse(tag).success).toBe(Array.from(tag).length <= 50)
      }),
      { numRuns: 200 },
    )
  })
})
