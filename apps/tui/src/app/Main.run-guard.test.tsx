import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseTags } from '@cc/schema'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Harness, KEY, renderApp } from '../../test/support/render.js'
import { createWorld, type TestWorld } from '../../test/support/sandbox.js'
import { Main } from './Main.js'

// Quitting while a bulk edit is under way asks first, against an in-process sandbox whose PUTs wait at a gate.

let world: TestWorld
const harnesses: Harness[] = []
let paths: { bulkDir: string; importsDir: string }
let release: () => void
let puts: string[]

beforeEach(async () => {
  world = await createWorld()
  const dir = mkdtempSync(join(tmpdir(), 'cc-tui-run-guard-'))
  paths = { bulkDir: join(dir, 'bulk'), importsDir: join(dir, 'imports') }
  // PUTs wait until let through, so that the keys come while the run is under way.
  const gate = new Promise<void>((resolve) => {
    release = resolve
  })
  puts = []
  world.beforeFetch.current = async (request) => {
    if (request.method !== 'PUT') return
    puts.push(new URL(request.url).pathname)
    await gate
  }
})
afterEach(async () => {
  release()
  for (const h of harnesses.splice(0)) h.unmount()
  await world.close()
})

function open(linear = false): Harness {
  const h = renderApp(<Main session={world.session} drafts={world.drafts} env={{}} paths={paths} />, {
    columns: 160,
    linear,
  })
  harnesses.push(h)
  return h
}

/** A bulk edit of every loaded contact, started and held at the gate. */
async function startRun(h: Harness, done: string) {
  await h.waitFor(/1 of 50\+|Contact 1 of 50/)
  await h.keys('*')
  await h.waitFor(/Contacts · \d+ selected/)
  await h.keys('b', KEY.down, KEY.enter)
  await h.type('Guarded')
  await h.keys(KEY.enter)
  await h.waitFor(/contacts? will change|change, 0 need no change/)
  await h.keys(KEY.enter)
  await h.waitFor(done)
  await expect.poll(() => puts.length).toBeGreaterThan(0)
}

/** Lets the held requests through and waits until each of them is done: then whatever else went out was sent after. */
async function releaseHeld(sent: number) {
  release()
  const tagged = async () =>
    (await world.session.client.people.list({ limit: 100 })).data.filter((person) =>
      parseTags(person.tags).includes('Guarded'),
    ).length
  await expect.poll(tagged).toBe(sent)
  // One more round trip: a run that went on would have sent its next requests by now.
  await tagged()
}

const question = /A bulk edit is under way \(0 of (\d+) done\)\./
const consequence = 'Quit now? It stops after the requests under way, and is offered to resume at the next start.'

describe('quitting during a bulk edit', () => {
  it('asks first; Esc keeps it running to the end', async () => {
    const h = open()
    await startRun(h, 'Esc stop')
    await h.keys(KEY.ctrl('c'))
    const asked = await h.waitFor(question)
    // The dialog wraps the sentence at its width.
    expect(asked).toContain('Quit now? It stops after the requests under way, and is offered to')
    expect(asked).toContain('resume at the next start.')
    expect(asked).toContain('y quit once the requests under way finish')
    expect(asked).toContain('Ctrl+C quit at once')
    expect(asked).toContain('Esc keep it running')
    expect(asked).toContain('y quit  Esc keep running')
    await h.keys(KEY.esc)
    await h.waitFor('Esc stop')
    expect(h.frame()).not.toMatch(question)
    release()
    const result = await h.waitFor('Done: Add tag Guarded')
    const total = Number(/(\d+) of \1 contacts done/.exec(result)?.[1])
    expect(total).toBeGreaterThan(0)
    expect(result).toContain(`${total} updated`)
  })

  it('quits at once on a second Ctrl+C: nothing more is sent, and the next start offers to resume', async () => {
    const h = open()
    await startRun(h, 'Esc stop')
    await h.keys(KEY.ctrl('c'))
    const total = Number(question.exec(await h.waitFor(question))?.[1])
    await h.keys(KEY.ctrl('c'))
    // At once: the requests under way are still held.
    await expect.poll(() => h.exited()).toBe(true)
    const sent = puts.length
    expect(sent).toBeLessThan(total)
    // Only the requests already under way went out.
    await releaseHeld(sent)
    expect(puts.length).toBe(sent)
    world.beforeFetch.current = undefined
    const next = open()
    const offer = await next.waitFor('A bulk edit did not finish.')
    expect(offer).toContain('Add tag Guarded')
    await next.keys('r')
    await next.waitFor('Done: Add tag Guarded')
    const people = (await world.session.client.people.list({ limit: total })).data
    for (const person of people) {
      expect(parseTags(person.tags).filter((tag) => tag === 'Guarded')).toHaveLength(1)
    }
  })

  it('asks in sentences in the linear layout; y stops sending and quits once the requests under way finish', async () => {
    const h = open(true)
    await startRun(h, 'Escape to stop sending.')
    await h.keys(KEY.ctrl('c'))
    const asked = await h.waitFor(question)
    expect(asked).toContain(consequence)
    expect(asked).toContain(
      'Press y to quit once the requests under way finish, Ctrl+C to quit at once, Escape to keep it running.',
    )
    expect(asked).not.toMatch(/[╭╮╰╯│]/)
    await h.keys('y')
    await h.waitFor('Stopping: the requests under way finish, nothing more is sent.')
    expect(h.exited()).toBe(false)
    const sent = puts.length
    await releaseHeld(sent)
    await expect.poll(() => h.exited()).toBe(true)
    expect(puts.length).toBe(sent)
  })
})
