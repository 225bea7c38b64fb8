import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { type AssumptionId, assumptionIds, assumptionsOf, type Endpoint, endpoints } from '../src/index.js'

/**
 * The ledger, ASSUMPTIONS.md, and the code that relies on it: every id the endpoints table or a rule names has an
 * entry, every entry is named by something (unless it is a general assumption), and every entry says what we
 * assumed, why, what breaks if the API differs and what relaxes it.
 */
const ledger = readFileSync(new URL('../ASSUMPTIONS.md', import.meta.url), 'utf8')

interface Entry {
  id: string
  section: string
  text: string
}

/** `### id` headings, each with its text up to the next heading, and the `##` section it is in. */
function entriesOf(markdown: string): Entry[] {
  const entries: Entry[] = []
  let section = ''
  let current: Entry | undefined
  for (const line of markdown.split('\n')) {
    const heading = /^(#{2,3}) (.+)$/.exec(line)
    if (heading?.[1] === '##') {
      section = heading[2] as string
      current = undefined
    } else if (heading?.[1] === '###') {
      current = { id: (heading[2] as string).trim(), section, text: '' }
      entries.push(current)
    } else if (current) {
      current.text += `${line}\n`
    }
  }
  return entries
}

const entries = entriesOf(ledger)
const isGeneral = (entry: Entry) => /^General\b/.test(entry.section)

/** Every id the code names, with where. */
const references = new Map<string, string[]>()
for (const [name, endpoint] of Object.entries(endpoints) as [string, Endpoint][]) {
  for (const id of assumptionsOf(endpoint)) references.set(id, [...(references.get(id) ?? []), name])
}

describe('ASSUMPTIONS.md', () => {
  it('has entries, each id once, in kebab case', () => {
    expect(entries.length).toBeGreaterThanOrEqual(15)
    const ids = entries.map((entry) => entry.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  })

  it('has an entry for every id the endpoints table and the rules name', () => {
    const ids = new Set(entries.map((entry) => entry.id))
    for (const [id, where] of references) expect(ids.has(id), `${id} (named by ${where.join(', ')})`).toBe(true)
  })

  it('names nothing that no operation relies on, except general assumptions', () => {
    for (const entry of entries) {
      if (isGeneral(entry)) continue
      expect(references.has(entry.id), `${entry.id} is named by no endpoint or rule`).toBe(true)
    }
  })

  it('is the list of ids the code may name (assumptionIds)', () => {
    expect(entries.map((entry) => entry.id).sort()).toEqual([...assumptionIds].sort())
  })

  it('says for each entry what we assumed, why, what breaks if the API differs, and what relaxes it', () => {
    for (const entry of entries) {
      for (const part of ['**Assumed.**', '**Why.**', '**If the API differs.**', '**Relax.**']) {
        expect(entry.text, `${entry.id}: ${part}`).toContain(part)
      }
    }
  })

  it('covers what the docs leave open that the toolkit relies on', () => {
    const must: AssumptionId[] = [
      'upsert-matches-email',
      'tags-replace',
      'empty-string-clears',
      'trash-semantics',
      'idempotency-replay',
      'search-criteria',
      'create-status-codes',
      'error-body',
      'rate-limits',
      'get-person-endpoint',
      'email-syntax',
      'unknown-request-fields',
    ]
    const ids = entries.map((entry) => entry.id)
    for (const id of must) expect(ids).toContain(id)
  })

  it('is linked from the README', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    expect(readme).toContain('](ASSUMPTIONS.md)')
  })
})
