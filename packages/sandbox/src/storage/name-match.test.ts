import { describe, expect, it } from 'vitest'
import { rankByName, TYPO_MIN_LENGTH, withinOneEdit, wordScore } from './name-match.js'

describe('wordScore', () => {
  it('4 equal, 3 prefix, 2 inside, 1.5 one typo, 0 otherwise', () => {
    expect(wordScore('john', 'john')).toBe(4)
    expect(wordScore('jo', 'john')).toBe(3)
    expect(wordScore('oh', 'john')).toBe(2)
    expect(wordScore('jhon', 'john')).toBe(1.5)
    expect(wordScore('johns', 'john')).toBe(1.5)
    expect(wordScore('xyz', 'john')).toBe(0)
    expect(wordScore('johnny', 'john')).toBe(0)
  })

  it(`allows a typo from ${TYPO_MIN_LENGTH} letters on`, () => {
    expect(TYPO_MIN_LENGTH).toBe(4)
    expect(wordScore('jon', 'jan')).toBe(0)
    expect(wordScore('jonn', 'jann')).toBe(1.5)
    // Counted in characters: three, with an emoji among them, are too few; four are enough.
    expect(wordScore('😀on', '😀an')).toBe(0)
    expect(wordScore('😀onn', '😀ann')).toBe(1.5)
  })
})

describe('withinOneEdit', () => {
  it('is true for the same word and one insertion, deletion, substitution or swap of neighbours', () => {
    for (const [a, b] of [
      ['smith', 'smith'],
      ['smith', 'smiths'],
      ['smith', 'msmith'],
      ['smith', 'smiith'],
      ['smiths', 'smith'],
      ['smith', 'mith'],
      ['smith', 'smyth'],
      ['smith', 'smiht'],
      ['smith', 'msith'],
      ['ab', 'ba'],
      ['', 'a'],
      ['', ''],
      // An emoji is one character: a swap, a substitution, a deletion.
      ['😀ab', '😀ba'],
      ['a😀', 'ab'],
      ['ab😀c', 'abc'],
      ['😀😁', '😁😀'],
    ]) {
      expect(withinOneEdit(a as string, b as string), `${a} ${b}`).toBe(true)
    }
  })

  it('is false for two edits or more', () => {
    for (const [a, b] of [
      ['smith', 'smithes'],
      ['smith', 'mit'],
      ['smith', 'snyth'],
      ['smith', 'mstih'],
      ['smith', 'tmish'],
      ['smith', 'msiht'],
      ['smith', 'smiht '],
      ['abc', 'cba'],
      ['abc', 'bca'],
      ['ab', 'bc'],
      ['abcd', 'bacd '],
      ['', 'ab'],
      ['john', 'xjhn'],
      ['😀ab', 'ab😀'],
      ['a😀😁', 'a'],
    ]) {
      expect(withinOneEdit(a as string, b as string), `${a} ${b}`).toBe(false)
    }
  })
})

describe('rankByName', () => {
  const rank = (names: string[], query: string) => rankByName(names, query, (name) => name)

  it('needs every query word in the name, in any order, in any case and accents', () => {
    const names = ['ann lee', 'lee ann', 'ann smith', 'renee lee']
    expect(rank(names, 'ANN  Lee')).toEqual(['ann lee', 'lee ann'])
    expect(rank(names, 'Renée')).toEqual(['renee lee'])
    expect(rank(names, 'ann bob')).toEqual([])
    expect(rank(names, ' \t ')).toEqual([])
  })

  it('ranks the whole name first, then better word matches; ties keep their order', () => {
    const names = ['lee annabel', 'annabel', 'xannabel', 'anabel', 'ann', 'ann annabel']
    expect(rank(names, 'annabel')).toEqual(['annabel', 'lee annabel', 'ann annabel', 'xannabel', 'anabel'])
    expect(rank(names, 'ann')).toEqual(['ann', 'ann annabel', 'lee annabel', 'annabel', 'xannabel'])
    expect(rank(['b a', 'a b', 'a b c'], 'a b')).toEqual(['a b', 'b a', 'a b c'])
  })

  it('keeps the input order of equal scores, however many', () => {
    expect(rank(['ann c', 'ann', 'ann b', 'ann a'], 'an')).toEqual(['ann c', 'ann', 'ann b', 'ann a'])
    const names = Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? `ann ${i}` : `anne ${i}`))
    expect(rank(names, 'ann')).toEqual([
      ...names.filter((name) => name.startsWith('ann ')),
      ...names.filter((name) => name.startsWith('anne ')),
    ])
  })

  it('adds up the words: two good matches beat one', () => {
    expect(rank(['jon smith', 'john smith', 'johnny smithers'], 'john smith')).toEqual([
      'john smith',
      'johnny smithers',
      'jon smith',
    ])
  })

  it('names come from the callback', () => {
    const people = [{ name: 'ann lee' }, { name: 'bob lee' }]
    expect(rankByName(people, 'bob', (p) => p.name)).toEqual([{ name: 'bob lee' }])
  })
})
