import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { emptyForm } from '../state/form.js'
import { DraftStore } from './draft-store.js'

const file = () => join(mkdtempSync(join(tmpdir(), 'cc-tui-drafts-')), 'state', 'drafts.json')
const draft = (contactId: string, city: string) => ({
  contactId,
  title: 'Ada',
  base: emptyForm(),
  values: { ...emptyForm(), city },
})

afterEach(() => {
  vi.useRealTimers()
})

describe('DraftStore', () => {
  it('writes debounced, atomically, readable by the user only', () => {
    vi.useFakeTimers()
    const path = file()
    const store = new DraftStore(path, { debounceMs: 100, maxWaitMs: 300 })
    store.put(draft('a1234567', 'P'))
    expect(existsSync(path)).toBe(false)
    vi.advanceTimersByTime(100)
    expect(existsSync(path)).toBe(true)
    expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(new DraftStore(path).get('a1234567')?.values.city).toBe('P')
    expect(readdirSync(join(path, '..')).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('writes within the max wait even while changes keep coming', () => {
    vi.useFakeTimers()
    const path = file()
    const store = new DraftStore(path, { debounceMs: 100, maxWaitMs: 300 })
    for (let i = 0; i < 5; i++) {
      store.put(draft('a1234567', 'x'.repeat(i + 1)))
      vi.advanceTimersByTime(80)
    }
    // 400 ms of typing with pauses shorter than the debounce: written at the 300 ms mark.
    expect(new DraftStore(path).get('a1234567')?.values.city).toBe('xxxx')
  })

  it('removes a draft and keeps drafts other editors wrote meanwhile', () => {
    const path = file()
    const mine = new DraftStore(path)
    const theirs = new DraftStore(path)
    mine.put(draft('mine0001', 'A'))
    mine.flush()
    theirs.put(draft('theirs01', 'B'))
    theirs.flush()
    mine.remove('mine0001')
    mine.flush()
    const reopened = new DraftStore(path)
    expect(reopened.get('mine0001')).toBeUndefined()
    expect(reopened.get('theirs01')?.values.city).toBe('B')
  })

  it('sets an unreadable file aside instead of losing it', () => {
    const path = file()
    const store = new DraftStore(path)
    store.put(draft('a1234567', 'P'))
    store.flush()
    writeFileSync(path, '{ broken')
    const reopened = new DraftStore(path)
    expect(reopened.list()).toEqual([])
    const aside = readdirSync(join(path, '..')).find((name) => name.includes('.unreadable-'))
    expect(aside && readFileSync(join(path, '..', aside), 'utf8')).toBe('{ broken')
  })
})
