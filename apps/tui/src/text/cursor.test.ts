import { describe, expect, it } from 'vitest'
import { clamp, nextIndex, prevIndex, wordEndAfter, wordStartBefore } from './cursor.js'

// Lone and paired halves of surrogate pairs at the edges of their ranges.
const HIGH_FIRST = '\ud800'
const HIGH_LAST = '\udbff'
const LOW_FIRST = '\udc00'
const LOW_LAST = '\udfff'

describe('cursor positions', () => {
  it('clamp a cursor into the text, as a whole offset', () => {
    expect(clamp('abc', -2)).toBe(0)
    expect(clamp('abc', 7)).toBe(3)
    expect(clamp('abc', 2.9)).toBe(2)
    expect(clamp('', 0)).toBe(0)
  })

  it('clamp a cursor between the halves of a pair to the start of the pair', () => {
    expect(clamp('a😀b', 2)).toBe(1)
    expect(clamp('a😀b', 1)).toBe(1)
    expect(clamp('a😀b', 3)).toBe(3)
    expect(clamp(`a${HIGH_FIRST}${LOW_FIRST}`, 2)).toBe(1)
    expect(clamp(`a${HIGH_LAST}${LOW_LAST}`, 2)).toBe(1)
  })

  it('leave a cursor next to a lone half alone', () => {
    expect(clamp(`a${LOW_FIRST}`, 1)).toBe(1)
    expect(clamp(`\ud7ff${LOW_FIRST}`, 1)).toBe(1)
    expect(clamp(`${HIGH_FIRST}\ue000`, 1)).toBe(1)
    expect(clamp(`${HIGH_FIRST}${HIGH_LAST}`, 1)).toBe(1)
  })

  it('step left over a pair as one character, and stop at the start', () => {
    expect(prevIndex('a😀', 3)).toBe(1)
    expect(prevIndex('ab', 2)).toBe(1)
    expect(prevIndex('ab', 0)).toBe(0)
    expect(prevIndex(`a${LOW_FIRST}`, 2)).toBe(1)
    expect(prevIndex(`${HIGH_LAST}${LOW_LAST}`, 2)).toBe(0)
    expect(prevIndex(`\ud7ff${LOW_LAST}`, 2)).toBe(1)
    expect(prevIndex(`${HIGH_FIRST}\ue000`, 2)).toBe(1)
  })

  it('step right over a pair as one character, and stop at the end', () => {
    expect(nextIndex('😀a', 0)).toBe(2)
    expect(nextIndex('ab', 0)).toBe(1)
    expect(nextIndex('ab', 2)).toBe(2)
    expect(nextIndex('ab', 5)).toBe(2)
    expect(nextIndex(`${HIGH_FIRST}${LOW_FIRST}`, 0)).toBe(2)
    expect(nextIndex(`${HIGH_LAST}${LOW_LAST}`, 0)).toBe(2)
    expect(nextIndex(HIGH_FIRST, 0)).toBe(1)
    expect(nextIndex(`${LOW_FIRST}${LOW_FIRST}`, 0)).toBe(1)
    expect(nextIndex(`\ud7ff${LOW_FIRST}`, 0)).toBe(1)
    expect(nextIndex(`\ue000${LOW_FIRST}`, 0)).toBe(1)
    expect(nextIndex(`${HIGH_FIRST}${HIGH_LAST}`, 0)).toBe(1)
    expect(nextIndex(`${HIGH_FIRST}\ue000`, 0)).toBe(1)
  })
})

describe('word motions', () => {
  it('find the start of the word before the cursor, skipping separators first', () => {
    expect(wordStartBefore('foo bar', 7)).toBe(4)
    expect(wordStartBefore('foo bar  ', 9)).toBe(4)
    expect(wordStartBefore('foo', 3)).toBe(0)
    expect(wordStartBefore('  ', 2)).toBe(0)
    expect(wordStartBefore('', 0)).toBe(0)
    expect(wordStartBefore('snake_case2 x', 11)).toBe(0)
    expect(wordStartBefore('café bar', 4)).toBe(0)
    expect(wordStartBefore('a 😀😀', 6)).toBe(0)
  })

  it('find the end of the word after the cursor, skipping separators first', () => {
    expect(wordEndAfter('foo bar', 0)).toBe(3)
    expect(wordEndAfter('foo bar', 3)).toBe(7)
    expect(wordEndAfter('foo  ', 3)).toBe(5)
    expect(wordEndAfter('', 0)).toBe(0)
    expect(wordEndAfter('x snake_case2', 1)).toBe(13)
    expect(wordEndAfter('😀😀 a', 0)).toBe(6)
  })
})

describe('cursor positions at the ends of the text', () => {
  it('keep a cursor at either end of a text with a lone half there', () => {
    expect(clamp(`a${HIGH_FIRST}`, 2)).toBe(2)
    expect(clamp(`${LOW_FIRST}b`, 0)).toBe(0)
    expect(prevIndex(`${LOW_FIRST}b`, 1)).toBe(0)
  })

  it('stop a word forward at the end of the text', () => {
    expect(wordEndAfter('ab', 0)).toBe(2)
    expect(wordEndAfter('ab', 2)).toBe(2)
    expect(wordEndAfter('a😀', 0)).toBe(1)
  })
})
