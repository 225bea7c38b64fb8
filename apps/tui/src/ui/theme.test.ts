import { describe, expect, it } from 'vitest'
import { createTheme, wantsColor } from './theme.js'

describe('NO_COLOR', () => {
  it('turns colour off for any non-empty value, and --no-color too', () => {
    expect(wantsColor({})).toBe(true)
    expect(wantsColor({ NO_COLOR: '1' })).toBe(false)
    expect(wantsColor({}, false)).toBe(false)
  })

  it('maps every role to no colour in the no-colour theme', () => {
    const roles = ['accent', 'muted', 'error', 'warning', 'success', 'sandbox', 'changed'] as const
    expect(roles.map((role) => createTheme({ color: false }).color(role))).toEqual(roles.map(() => undefined))
    expect(createTheme({ color: true }).color('error')).toBe('red')
  })
})
