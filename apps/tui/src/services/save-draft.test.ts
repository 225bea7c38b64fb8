import { createClient } from '@cc/client'
import { type Person, toUpdateInput } from '@cc/schema'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createWorld, type TestWorld } from '../../test/support/sandbox.js'
import { savedMessage } from '../hooks/use-editor-session.js'
import { toForm } from '../state/form.js'
import { saveDraft } from './save-draft.js'

let world: TestWorld
beforeEach(async () => {
  world = await createWorld()
})
afterEach(() => world.close())

async function firstContact(): Promise<Person> {
  const person = (await world.session.client.people.list({ limit: 1 })).data[0]
  if (!person) throw new Error('no demo data')
  return person
}

/** Someone else, on the same API, not going through the editor's client. */
const someoneElse = () =>
  createClient({
    apiKey: world.sandbox.apiKey,
    baseUrl: world.sandbox.url,
    fetch: world.sandbox.fetch,
    logLevel: 'off',
  })

describe('saveDraft', () => {
  it('names a field outside the patch that someone changed between the check and the PUT', async () => {
    const person = await firstContact()
    const base = toForm(toUpdateInput(person))
    world.beforeFetch.current = async (request) => {
      if (request.method !== 'PUT') return
      world.beforeFetch.current = undefined
      // The editor has read the contact (no conflict) and is sending its PUT: another person saves the city first.
      await someoneElse().people.update(person.id, { city: 'Elsewhere' })
    }
    const outcome = await saveDraft(world.session.client, person.id, base, { ...base, firstName: 'Mine' })
    expect(outcome).toMatchObject({
      kind: 'saved',
      changed: ['firstName'],
      changedMeanwhile: ['city'],
      values: expect.objectContaining({ firstName: 'Mine', city: 'Elsewhere' }),
    })
    if (outcome.kind !== 'saved') throw new Error('not saved')
    expect(savedMessage(outcome)).toEqual({
      kind: 'warning',
      text: expect.stringMatching(/^Saved 1 field · request \S+ · meanwhile someone else changed City: shown now/),
    })
  })

  it('says nothing more when nothing else changed', async () => {
    const person = await firstContact()
    const base = toForm(toUpdateInput(person))
    const outcome = await saveDraft(world.session.client, person.id, base, { ...base, city: 'Mine' })
    expect(outcome).toMatchObject({ kind: 'saved', changed: ['city'] })
    expect(outcome).not.toHaveProperty('changedMeanwhile')
    if (outcome.kind !== 'saved') throw new Error('not saved')
    expect(savedMessage(outcome).kind).toBe('success')
  })

  it('says when it could not read the contact back to check', async () => {
    const person = await firstContact()
    const base = toForm(toUpdateInput(person))
    let puts = 0
    world.beforeFetch.current = (request) => {
      if (request.method === 'PUT') puts++
      else if (puts > 0) world.sandbox.queueFaults(['500'])
    }
    const outcome = await saveDraft(world.session.client, person.id, base, { ...base, city: 'Mine' })
    expect(outcome).toMatchObject({ kind: 'saved', unchecked: true })
    if (outcome.kind !== 'saved') throw new Error('not saved')
    expect(savedMessage(outcome)).toMatchObject({
      kind: 'warning',
      text: expect.stringContaining('could not read it back'),
    })
  })
})
