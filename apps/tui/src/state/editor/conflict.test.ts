import { describe, expect, it } from 'vitest'
import { type FormValues, toForm } from '../form.js'
import { findConflicts, rebase } from './conflict.js'

const base: FormValues = toForm({
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  phone: '+15551234567',
  price: 450000,
  tags: ['VIP', 'Hot Lead'],
  background: 'Met at the open house.',
})

describe('conflicts', () => {
  const theirs: FormValues = { ...base, firstName: 'Augusta', city: 'London', email: 'ada@new.example' }
  const mine: FormValues = { ...base, firstName: 'Ada M.', lastName: 'King', email: 'ada@new.example' }

  it('finds fields both sides changed to different values', () => {
    expect(findConflicts(base, mine, theirs).map((c) => c.field)).toEqual(['firstName'])
    expect(findConflicts(base, base, theirs)).toEqual([])
  })

  it('rebases a draft: their untouched changes come in, mine stay, choices decide conflicts', () => {
    const mineWins = rebase(base, mine, theirs)
    expect(mineWins).toMatchObject({ firstName: 'Ada M.', lastName: 'King', city: 'London' })
    const theirsWin = rebase(base, mine, theirs, { firstName: 'theirs' })
    expect(theirsWin.firstName).toBe('Augusta')
  })
})
