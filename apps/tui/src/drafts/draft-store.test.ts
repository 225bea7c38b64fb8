import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { emptyForm } from '../state/form.js'
import { activitySubject, DraftStore, isNewContactId, subjectOf } from './draft-store.js'

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

  it('says when a write fails, keeps the change, and writes it once the disk takes it again', () => {
    const path = file()
    // The drafts directory is a file: the write fails for any user, root included (as EACCES or ENOSPC would).
    mkdirSync(join(path, '..', '..'), { recursive: true })
    writeFileSync(join(path, '..'), 'in the way')
    const store = new DraftStore(path)
    const changes: string[] = []
    store.subscribe(() => {
      const health = store.health()
      changes.push(health.ok ? 'ok' : health.problem)
    })
    store.put(draft('a1234567', 'P'))
    expect(store.flush()).toBe(false)
    const health = store.health()
    expect(health.ok).toBe(false)
    expect(!health.ok && health.problem).toMatch(/^cannot write the drafts file \(.*\): .*drafts\.json$/)
    expect(store.unsaved().map((d) => (d.kind === 'activity' ? d.values.content : d.values.city))).toEqual(['P'])
    // The disk is back: the pending change goes out and the problem is gone.
    rmSync(join(path, '..'))
    expect(store.flush()).toBe(true)
    expect(store.health()).toEqual({ ok: true })
    expect(store.unsaved()).toEqual([])
    expect(new DraftStore(path).get('a1234567')?.values.city).toBe('P')
    expect(changes).toEqual([expect.stringContaining('cannot write'), 'ok'])
  })

  it('starts when the drafts file cannot be read, says so, and never writes over it', () => {
    const path = file()
    mkdirSync(path, { recursive: true })
    writeFileSync(join(path, 'keep'), 'someone else')
    const store = new DraftStore(path)
    const health = store.health()
    expect(!health.ok && health.problem).toMatch(/^cannot read the drafts file \(it is a directory, EISDIR\)/)
    store.put(draft('a1234567', 'P'))
    expect(store.flush()).toBe(false)
    expect(readFileSync(join(path, 'keep'), 'utf8')).toBe('someone else')
    expect(store.get('a1234567')?.values.city).toBe('P')
  })

  it("leaves a file from a newer version untouched, and keeps this editor's drafts out of it", () => {
    const path = file()
    mkdirSync(join(path, '..'), { recursive: true })
    const newer = JSON.stringify({ version: 2, drafts: { x: { shape: 'unknown' } }, more: true })
    writeFileSync(path, newer)
    const store = new DraftStore(path)
    expect(store.health()).toEqual({ ok: false, problem: expect.stringContaining('from a newer cc-tui (version 2)') })
    store.put(draft('a1234567', 'P'))
    expect(store.flush()).toBe(false)
    expect(readFileSync(path, 'utf8')).toBe(newer)
    expect(readdirSync(join(path, '..'))).toEqual(['drafts.json'])
    expect(store.unsaved().map((d) => d.contactId)).toEqual(['a1234567'])
  })

  it('keeps both drafts when two editors change the same contact, and each save removes only its own', () => {
    const path = file()
    const first = new DraftStore(path)
    const second = new DraftStore(path)
    first.put(draft('a1234567', 'First'))
    first.flush()
    second.put(draft('a1234567', 'Second'))
    second.flush()
    const third = new DraftStore(path)
    expect(
      third
        .list()
        .map((d) => d.values.city)
        .sort(),
    ).toEqual(['First', 'Second'])
    // The first saves its changes: the second one's draft stays.
    first.remove('a1234567')
    first.flush()
    expect(new DraftStore(path).get('a1234567')?.values.city).toBe('Second')
    // A third editor restores it and carries it on: the restored draft is replaced by the third editor's own.
    const restored = third.get('a1234567')
    if (!restored) throw new Error('no draft')
    third.adopt(restored)
    third.put({ ...restored, values: { ...restored.values, city: 'Third' } })
    third.flush()
    expect(new DraftStore(path).list().map((d) => d.values.city)).toEqual(['Third'])
  })

  it('reads drafts another editor wrote after it started', () => {
    const path = file()
    const early = new DraftStore(path)
    const late = new DraftStore(path)
    late.put(draft('b7654321', 'Later'))
    late.flush()
    expect(early.get('b7654321')?.values.city).toBe('Later')
  })

  it('removes temp files left by a writer that died, and takes over a lock whose holder is gone', () => {
    const path = file()
    mkdirSync(join(path, '..'), { recursive: true })
    const dead = `${path}.999999999.abc.tmp`
    const live = `${path}.${process.pid}.def.tmp`
    const old = `${path}.${process.pid}.ghi.tmp`
    for (const temp of [dead, live, old]) writeFileSync(temp, '{')
    utimesSync(old, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000))
    writeFileSync(`${path}.lock`, '999999999 token\n')
    const store = new DraftStore(path, { lockTimeoutMs: 200 })
    expect(existsSync(dead)).toBe(false)
    expect(existsSync(old)).toBe(false)
    // A writer that is still at it keeps its file.
    expect(existsSync(live)).toBe(true)
    store.put(draft('a1234567', 'P'))
    expect(store.flush()).toBe(true)
    expect(existsSync(`${path}.lock`)).toBe(false)
  })

  it("makes its directory the user's alone, even when it was there before", () => {
    const path = file()
    mkdirSync(join(path, '..'), { recursive: true, mode: 0o755 })
    chmodSync(join(path, '..'), 0o755)
    const store = new DraftStore(path)
    store.put(draft('a1234567', 'P'))
    store.flush()
    expect(statSync(join(path, '..')).mode & 0o777).toBe(0o700)
  })

  it('keeps a new contact with its idempotency key and the body of a create whose answer was lost', () => {
    const path = file()
    const store = new DraftStore(path)
    const create = { idempotencyKey: 'cc-tui-key-1', inFlight: { firstName: 'Jane', email: 'jane@example.com' } }
    store.put({ ...draft('new-0123abcd', 'Austin'), create })
    store.flush()
    const kept = new DraftStore(path).get('new-0123abcd')
    expect(kept?.create).toEqual(create)
    expect(isNewContactId('new-0123abcd')).toBe(true)
    expect(isNewContactId('jd79abc123def')).toBe(false)
  })

  it('keeps an activity being written beside the contact’s own draft, each under its own subject', () => {
    const path = file()
    const store = new DraftStore(path)
    store.put(draft('a1234567', 'Paris'))
    store.putActivity({
      contactId: 'a1234567',
      title: 'Ada',
      values: { type: 'call', direction: 'outbound', content: 'Left a voicemail' },
      sending: true,
    })
    store.flush()
    const reopened = new DraftStore(path)
    expect(reopened.get('a1234567')?.values.city).toBe('Paris')
    expect(reopened.list().map((d) => d.contactId)).toEqual(['a1234567'])
    const activity = reopened.getActivity('a1234567')
    expect(activity).toMatchObject({
      kind: 'activity',
      values: { type: 'call', content: 'Left a voicemail' },
      sending: true,
    })
    expect(activity && subjectOf(activity)).toBe(activitySubject('a1234567'))
    expect(activity?.key).toMatch(/^activity:a1234567~[0-9a-f]{8}$/)
    expect(reopened.getActivity('b7654321')).toBeUndefined()
    // Logged: the activity's draft goes, the contact's stays.
    store.removeActivity('a1234567')
    store.flush()
    expect(new DraftStore(path).getActivity('a1234567')).toBeUndefined()
    expect(new DraftStore(path).get('a1234567')?.values.city).toBe('Paris')
  })

  it('forgets every draft about a deleted contact, of every editor, and nothing else', () => {
    const path = file()
    const mine = new DraftStore(path)
    const theirs = new DraftStore(path)
    theirs.put(draft('a1234567', 'Theirs'))
    theirs.put(draft('b7654321', 'Other'))
    theirs.flush()
    mine.put(draft('a1234567', 'Mine'))
    mine.putActivity({ contactId: 'a1234567', title: 'Ada', values: { type: 'note', content: 'x' } })
    expect(mine.about('a1234567')).toHaveLength(3)
    mine.forget('a1234567')
    mine.flush()
    const after = new DraftStore(path)
    expect(after.about('a1234567')).toEqual([])
    expect(after.get('b7654321')?.values.city).toBe('Other')
  })

  it('reads a file written before activity drafts, and leaves entries it cannot read as they were', () => {
    const path = file()
    mkdirSync(join(path, '..'), { recursive: true })
    const old = { ...draft('a1234567', 'Old'), savedAt: '2026-01-01T00:00:00.000Z', session: 'abcd1234' }
    const unknown = { kind: 'deal', anything: true }
    writeFileSync(path, JSON.stringify({ version: 1, drafts: { 'a1234567~abcd1234': old, 'deal:1~x': unknown } }))
    const store = new DraftStore(path)
    expect(store.get('a1234567')?.values.city).toBe('Old')
    store.putActivity({ contactId: 'a1234567', title: 'Ada', values: { type: 'note', content: 'x' } })
    store.flush()
    const written = JSON.parse(readFileSync(path, 'utf8'))
    expect(written.version).toBe(1)
    expect(written.drafts['deal:1~x']).toEqual(unknown)
    expect(written.drafts['a1234567~abcd1234']).toEqual(old)
  })
})
