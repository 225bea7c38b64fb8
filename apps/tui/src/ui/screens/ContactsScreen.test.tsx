import { render } from 'ink-testing-library'
import { describe, expect, it } from 'vitest'
import { person } from '../../../test/support/people.js'
import { withTheme } from '../../../test/support/screens.js'
import { type ContactsState, contactsReducer, initialContacts } from '../../state/contacts/list.js'
import { ContactsScreen } from './ContactsScreen.js'

const page = (state: ContactsState, from: number, cursor: string | undefined, page?: number): ContactsState =>
  contactsReducer(contactsReducer(state, { type: 'pageRequested', ...(page === undefined ? {} : { page }) }), {
    type: 'pageLoaded',
    generation: state.generation,
    ...(page === undefined ? {} : { page }),
    cursor,
    people: Array.from({ length: 50 }, (_, i) => person(from + i)),
    nextCursor: `c${from + 49}`,
    hasMore: true,
  })

const draw = (state: ContactsState) =>
  render(withTheme(<ContactsScreen contacts={state} searchCursor={0} width={80} height={14} />, false)).lastFrame() ??
  ''

describe('contacts screen', () => {
  it('marks selected contacts in the name cell, keeping the columns where they are', () => {
    let s = page(contactsReducer(initialContacts, { type: 'viewport', rows: 10 }), 0, undefined)
    s = contactsReducer(contactsReducer(s, { type: 'move', delta: 1 }), { type: 'toggleSelected' })
    const lines = draw(s).split('\n')
    const first = lines.find((line) => line.includes('First0 Last0')) ?? ''
    const picked = lines.find((line) => line.includes('First1 Last1')) ?? ''
    expect(first.startsWith('  First0 Last0')).toBe(true)
    expect(picked.startsWith('  ✓ First1 Last1')).toBe(true)
    expect(picked.indexOf('p1@example.com')).toBe(first.indexOf('p0@example.com'))
    expect(lines.find((line) => line.startsWith('› '))).toContain('First2 Last2')
    expect(draw(s)).toContain('3 of 50+')
  })

  it('shows rows of a page it let go of as dots while they are fetched again, at their positions', () => {
    let s = contactsReducer(initialContacts, { type: 'viewport', rows: 10 })
    s = page(s, 0, undefined)
    for (let n = 1; n < 5; n++) {
      s = contactsReducer(s, { type: 'highlight', index: Number.MAX_SAFE_INTEGER })
      s = page(s, n * 50, `c${n * 50 - 1}`)
    }
    expect(s.pages[0]?.rows).toBeUndefined()
    s = contactsReducer(s, { type: 'highlight', index: 3 })
    s = contactsReducer(s, { type: 'pageRequested', page: 0 })
    const frame = draw(s)
    expect(frame).toContain('4 of 250+ · loading…')
    expect(frame).toMatch(/^› …$/m)
    expect(frame).not.toContain('First3 Last3')
    expect(draw(page(s, 0, undefined, 0))).toMatch(/^› First3 Last3/m)
  })
})
