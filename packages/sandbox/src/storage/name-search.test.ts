import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { SEARCH_MAX_RESULTS } from '@cc/schema'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { DATABASE_FILE } from './database.js'
import { emailKey, foldName, fullNameKey, nameWords, oneEditKeys } from './match-keys.js'
import { migrations } from './migrations.js'
import { rankByName, withinOneEdit } from './name-match.js'
import { NameSearch, vocabularyLookups } from './name-search.js'
import type { PeopleSearch, PersonRecord } from './people.js'
import { Statements } from './statements.js'
import { Store } from './store.js'

interface Row {
  seq: number
  id: string
  first_name: string | null
  last_name: string | null
  email_key: string | null
}

/** The search as it was before the index: every active contact read and ranked by the scorer. */
function fullScan(db: DatabaseSync, query: PeopleSearch & { name: string }): string[] {
  let rows = db.prepare('SELECT * FROM people WHERE trashed_at IS NULL ORDER BY seq').all() as unknown as Row[]
  if (query.email !== undefined) rows = rows.filter((row) => row.email_key === emailKey(query.email as string))
  const ranked = rankByName(rows, query.name, (row) => foldName(`${row.first_name ?? ''} ${row.last_name ?? ''}`))
  return ranked.slice(0, SEARCH_MAX_RESULTS).map((row) => row.id)
}

const searchIds = (store: Store, query: PeopleSearch): string[] => store.people.search(query).map((p) => p.id)

/** The index holds exactly what the triggers should have derived from the active contacts. */
function expectIndexInStep(db: DatabaseSync): void {
  const active = db.prepare('SELECT seq, first_name, last_name FROM people WHERE trashed_at IS NULL ORDER BY seq').all()
  const names = db.prepare('SELECT seq, name FROM people_names ORDER BY seq').all()
  expect(names).toEqual(
    active.map((r) => ({ seq: r.seq, name: fullNameKey(r.first_name as string, r.last_name as string) })),
  )
  const uses = new Map<string, number>()
  for (const { name } of names) for (const word of nameWords(name as string)) uses.set(word, (uses.get(word) ?? 0) + 1)
  const vocab = db.prepare('SELECT word, uses FROM name_vocab ORDER BY word').all()
  expect(Object.fromEntries(vocab.map((r) => [r.word, r.uses]))).toEqual(Object.fromEntries(uses))
  const postings = db.prepare('SELECT count(*) AS n FROM name_words').get() as { n: number }
  expect(postings.n).toBe([...uses.values()].reduce((a, b) => a + b, 0))
  const keys = db.prepare('SELECT count(*) AS n FROM name_vocab_keys').get() as { n: number }
  const expectedKeys = [...uses.keys()].reduce(
    (n, word) => n + (Array.from(word).length >= 3 ? oneEditKeys(word).length : 0),
    0,
  )
  expect(keys.n).toBe(expectedKeys)
  db.exec("INSERT INTO name_vocab_trigrams (name_vocab_trigrams) VALUES ('integrity-check')")
}

// Few distinct words, so that names share words, typos and substrings, and many ties need the limit.
const baseWords = [
  'ann',
  'anna',
  'anne',
  'jon',
  'john',
  'johnny',
  'jhon',
  'smith',
  'smyth',
  'smiths',
  'li',
  'lee',
  "o'brien",
  'Renée',
  'RENEE',
  'müller',
  'Muller',
  'de',
  'x"y',
  'a*b',
  '😀ab',
  'ab😀',
  'ab\0cd',
  'jose\u0301',
  'straße',
  'İlker',
  '\uD83Dab', // a lone surrogate: SQLite stores U+FFFD
]
const alphabet = ['a', 'b', 'n', 'o', 'h', 'j', 's', 'é', '😀', '"', "'", '*', '\0', 'ß', 'N']

/** One edit of a word: insertion, deletion, substitution or swap of neighbours, somewhere. */
const edited = fc
  .tuple(fc.constantFrom(...baseWords), fc.nat(), fc.constantFrom(...alphabet), fc.nat(3))
  .map(([word, at, char, kind]) => {
    const chars = Array.from(word)
    const i = at % (chars.length + 1)
    if (kind === 0) chars.splice(i, 0, char)
    else if (kind === 1) chars.splice(i % chars.length, 1)
    else if (kind === 2) chars[i % chars.length] = char
    else if (i + 1 < chars.length) [chars[i], chars[i + 1]] = [chars[i + 1] as string, chars[i] as string]
    return chars.join('')
  })
const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...baseWords) },
  { weight: 2, arbitrary: edited },
  {
    weight: 1,
    arbitrary: fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 6 }).map((c) => c.join('')),
  },
)
const spaces = fc.constantFrom(' ', ' ', '  ', '\u00a0', '\t')
const namePart = fc.option(
  fc.tuple(word, fc.option(fc.tuple(spaces, word), { nil: undefined })).map(([a, b]) => (b ? a + b.join('') : a)),
  { nil: undefined },
)
const contact = fc.record({ firstName: namePart, lastName: namePart, email: fc.constantFrom('a@x.com', 'b@x.com') })

/** Queries: a part of a name (whole, prefix, substring, one edit), or words of the vocabulary. */
const query = fc.oneof(
  fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' ')),
  fc.tuple(word, fc.nat(), fc.nat()).map(([w, a, b]) => {
    const chars = Array.from(w)
    return chars.slice(a % chars.length, (a % chars.length) + 1 + (b % chars.length)).join('')
  }),
  fc.tuple(fc.constantFrom(...baseWords), fc.constantFrom(...baseWords)).map(([a, b]) => `  ${a.toUpperCase()}\t${b} `),
  // Cut by UTF-16 code unit: may hold half an emoji, which JavaScript's includes() still finds.
  fc.tuple(word, fc.nat(), fc.nat()).map(([w, a, b]) => w.slice(a % w.length, (a % w.length) + 1 + (b % 3))),
)

type Operation =
  | { kind: 'rename'; index: number; firstName: string | undefined; lastName: string | undefined }
  | { kind: 'trash' | 'delete'; index: number }

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ kind: fc.constant('rename' as const), index: fc.nat(), firstName: namePart, lastName: namePart }),
  fc.record({ kind: fc.constantFrom('trash' as const, 'delete' as const), index: fc.nat() }),
)

const ILL_FORMED = /\p{Cs}/u

let counter = 0
function addContacts(store: Store, contacts: { firstName?: string; lastName?: string; email: string }[]): string[] {
  const now = new Date().toISOString()
  return contacts.map((fields) => {
    const id = `c${String(counter++).padStart(12, '0')}`
    const record: PersonRecord = { id, createdAt: now, updatedAt: now, email: fields.email }
    if (fields.firstName !== undefined) record.firstName = fields.firstName
    if (fields.lastName !== undefined) record.lastName = fields.lastName
    store.people.add(record)
    return id
  })
}

function apply(store: Store, ids: string[], op: Operation): void {
  const id = ids[op.index % ids.length] as string
  const now = new Date()
  // The API clears a name with "": the update stores NULL.
  if (op.kind === 'rename') store.people.update(id, { firstName: op.firstName ?? '', lastName: op.lastName ?? '' }, now)
  else if (op.kind === 'trash') store.people.trash(id, now)
  else store.people.deletePermanently(id)
}

describe('name search through the index', () => {
  it('returns exactly what ranking every contact returns, through inserts, renames, trash and deletes', () => {
    fc.assert(
      fc.property(
        fc.array(contact, { minLength: 1, maxLength: 70 }),
        fc.array(operation, { maxLength: 15 }),
        fc.array(query, { minLength: 1, maxLength: 8 }),
        (contacts, operations, queries) => {
          const store = new Store()
          try {
            const ids = addContacts(store, contacts)
            for (const op of operations) apply(store, ids, op)
            expectIndexInStep(store.db)
            for (const name of queries) {
              expect(searchIds(store, { name }), name).toEqual(fullScan(store.db, { name }))
              expect(searchIds(store, { name, email: 'a@x.com' })).toEqual(
                fullScan(store.db, { name, email: 'a@x.com' }),
              )
            }
          } finally {
            store.close()
          }
        },
      ),
      { numRuns: 150 },
    )
  })

  it('narrows common words in SQL: the same results with hundreds of contacts sharing a few words', () => {
    const common = fc.constantFrom('ann', 'anna', 'john', 'jon', 'smith', 'smyth', 'lee', 'li')
    const person = fc.record({ firstName: common, lastName: common, email: fc.constant('a@x.com') })
    const words = fc.array(fc.oneof(common, edited), { minLength: 2, maxLength: 3 }).map((w) => w.join(' '))
    fc.assert(
      fc.property(
        fc.array(person, { minLength: 150, maxLength: 400 }),
        fc.array(words, { maxLength: 10 }),
        (people, queries) => {
          const store = new Store()
          try {
            addContacts(store, people)
            for (const name of queries) expect(searchIds(store, { name }), name).toEqual(fullScan(store.db, { name }))
          } finally {
            store.close()
          }
        },
      ),
      { numRuns: 15 },
    )
  })

  it('clearing the store empties the index, which then fills again', () => {
    const store = new Store()
    addContacts(store, [{ firstName: 'Ada', lastName: 'Lovelace', email: 'a@x.com' }])
    store.transaction(() => store.clear())
    expectIndexInStep(store.db)
    expect(store.db.prepare('SELECT count(*) AS n FROM name_vocab').get()).toEqual({ n: 0 })
    const [id] = addContacts(store, [{ firstName: 'Ada', lastName: 'Byron', email: 'a@x.com' }])
    expect(searchIds(store, { name: 'ada' })).toEqual([id])
    expectIndexInStep(store.db)
    store.close()
  })

  it('finds the first ten by position when more than ten contacts tie, and every one-typo match', () => {
    const store = new Store()
    const names = [
      ...Array.from({ length: 25 }, (_, i) => ({ firstName: i % 2 ? 'John' : 'Jon', lastName: 'Smith' })),
      { lastName: 'Smith' },
      { firstName: 'Jhon', lastName: 'Smyth' },
      { firstName: 'Johnny', lastName: 'Smithson' },
    ]
    addContacts(
      store,
      names.map((n) => ({ ...n, email: 'a@x.com' })),
    )
    for (const name of [
      'smith',
      'john smith',
      'jon smith',
      'jhon',
      'smyth',
      'smiht',
      'ohn',
      'mith',
      'jo',
      'smith smith',
    ]) {
      const found = searchIds(store, { name })
      expect(found, name).toEqual(fullScan(store.db, { name }))
      expect(found.length, name).toBeGreaterThan(0)
    }
    store.close()
  })

  it('one-edit keys: words within one edit share a key (the rule the typo index relies on)', () => {
    fc.assert(
      fc.property(edited, fc.constantFrom(...baseWords), (a, b) => {
        const typo = Array.from(a).length >= 4 && withinOneEdit(a, b) && !ILL_FORMED.test(a) && !ILL_FORMED.test(b)
        if (!typo) return
        const keys = new Set(oneEditKeys(b))
        expect(oneEditKeys(a).some((key) => keys.has(key))).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })
})

/** A store holding these contacts, in order, with their positions (`seq`). */
function storeOf(names: { firstName?: string; lastName?: string }[]): { store: Store; seqs: number[] } {
  const store = new Store()
  addContacts(
    store,
    names.map((name) => ({ ...name, email: 'a@x.com' })),
  )
  const rows = store.db.prepare('SELECT seq FROM people ORDER BY seq').all() as { seq: number }[]
  return { store, seqs: rows.map((row) => row.seq) }
}

const times = (n: number, name: { firstName?: string; lastName?: string }) => Array.from({ length: n }, () => name)

/** The candidates the index finds for `query`, ascending. */
function candidatesOf(store: Store, query: string): number[] {
  return new NameSearch(new Statements(store.db)).candidates(query).sort((a, b) => a - b)
}

describe('name search candidates: the few contacts ranking has to look at', () => {
  it('a blank query has none, even beside contacts without a name', () => {
    const { store } = storeOf([{}, { firstName: 'Ann' }, {}])
    expect(candidatesOf(store, ' \t ')).toEqual([])
    expect(searchIds(store, { name: ' \t ' })).toEqual([])
    store.close()
  })

  it('a query word that matches no indexed word leaves none, whatever the other words match', () => {
    const { store } = storeOf(times(3, { firstName: 'Ann', lastName: 'Lee' }))
    expect(candidatesOf(store, 'lee zzzz')).toEqual([])
    expect(candidatesOf(store, 'zzzz')).toEqual([])
    store.close()
  })

  it('enough contacts named exactly the query are the candidates, and nothing else is looked at', () => {
    const { store, seqs } = storeOf([
      ...times(12, { firstName: 'Ann', lastName: 'Lee' }),
      ...times(5, { firstName: 'Ann', lastName: 'Leeds' }),
    ])
    expect(candidatesOf(store, 'ANN  lee')).toEqual(seqs.slice(0, SEARCH_MAX_RESULTS))
    store.close()
  })

  it('one query word: the first contacts having its best-scoring word, not every contact having a match', () => {
    const { store, seqs } = storeOf([
      ...times(12, { firstName: 'Johnny', lastName: 'Smith' }),
      ...times(12, { firstName: 'John', lastName: 'Smith' }),
    ])
    // Ten Johns score 4 each: no Johnny (3, a prefix) can rank among the first ten.
    expect(candidatesOf(store, 'john')).toEqual(seqs.slice(12, 12 + SEARCH_MAX_RESULTS))
    store.close()
  })

  it('one query word: better scores are looked at first, wherever their contacts are', () => {
    const { store, seqs } = storeOf([
      ...times(15, { firstName: 'Johnny', lastName: 'Smith' }),
      { firstName: 'John', lastName: 'Smith' },
    ])
    const john = seqs[15] as number
    expect(candidatesOf(store, 'john')).toContain(john)
    const [first] = searchIds(store, { name: 'john' })
    expect(first).toBe(store.db.prepare('SELECT id FROM people WHERE seq = ?').get(john)?.id)
    store.close()
  })

  it('a word sharing a typo key but two edits away is no match', () => {
    // "abcd" and "bcda" share the key "bcd", yet neither is one edit from the other.
    const { store } = storeOf([{ firstName: 'Bcda' }])
    expect(candidatesOf(store, 'abcd')).toEqual([])
    store.close()
  })

  describe('several query words, from the rarest', () => {
    const common = times(80, { firstName: 'Lee', lastName: 'Smith' })

    // 80 contacts have "lee" and not "ann"; the rarer "ann" comes with "brown" or with "lee".
    it.each([
      ['few contacts with the rarest word: those contacts (ranking sorts them out faster than SQL)', 3, 2, 80],
      ['exactly 50 contacts with the rarest word are still few', 47, 3, 80],
      ['more than 50: narrowed to the contacts having the next word too', 51, 3, 80 + 51],
    ])('%s', (_, brown, lee, firstCandidate) => {
      const { store, seqs } = storeOf([
        ...common,
        ...times(brown, { firstName: 'Ann', lastName: 'Brown' }),
        ...times(lee, { firstName: 'Ann', lastName: 'Lee' }),
      ])
      expect(candidatesOf(store, 'lee ann')).toEqual(seqs.slice(firstCandidate))
      expect(searchIds(store, { name: 'lee ann' })).toEqual(fullScan(store.db, { name: 'lee ann' }))
      store.close()
    })
  })

  it('half of an emoji finds the names holding it, as ranking every contact does', () => {
    const { store } = storeOf([{ firstName: '😀ab' }, { firstName: 'Ann' }])
    for (const name of ['\uD83D', '\uDE00a']) {
      expect(searchIds(store, { name }), name).toEqual(fullScan(store.db, { name }))
      expect(searchIds(store, { name }), name).toHaveLength(1)
    }
    store.close()
  })
})

describe('vocabulary lookups for a query word', () => {
  it.each([
    ['a', ['containingShort']],
    ['ab', ['containingShort']],
    ['abc', ['containing']],
    ['😀a', ['containingShort']], // two code points, three UTF-16 units
    ['😀ab', ['containing']], // three code points, four UTF-16 units
    ['😀abc', ['containing', 'sharingKey']],
    ['abcd', ['containing', 'sharingKey']],
    ['ab\0', ['containingShort']],
    ['ab\0c', ['containingShort', 'sharingKey']],
    ['\uD83Dab', ['every']],
    ['\uDE00', ['every']],
  ])('%j: %j', (word, lookups) => {
    expect(vocabularyLookups(word)).toEqual(lookups)
  })
})

describe('name index migration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-sandbox-migrate-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('indexes the contacts of a database written before the index existed', () => {
    const raw = new DatabaseSync(join(dir, DATABASE_FILE))
    raw.exec(migrations[0] as string)
    raw.exec('PRAGMA user_version = 1')
    const insert = raw.prepare(
      'INSERT INTO people (id, first_name, last_name, created_at, updated_at, trashed_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    const at = '2025-01-01T00:00:00.000Z'
    insert.run('aaaaaaaaaaaa1', 'José', 'Núñez', at, at, null)
    insert.run('aaaaaaaaaaaa2', 'Jose', 'Nunez', at, at, at) // trashed
    insert.run('aaaaaaaaaaaa3', 'Joseph', null, at, at, null)
    insert.run('aaaaaaaaaaaa4', null, null, at, at, null)
    raw.close()

    const store = new Store(dir)
    expect(store.db.prepare('PRAGMA user_version').get()).toEqual({ user_version: migrations.length })
    expectIndexInStep(store.db)
    expect(searchIds(store, { name: 'jose' })).toEqual(['aaaaaaaaaaaa1', 'aaaaaaaaaaaa3'])
    expect(searchIds(store, { name: 'nunes' })).toEqual(['aaaaaaaaaaaa1'])
    store.close()
  })
})
