import { describe, expect, it } from 'vitest'
import {
  DEFAULT_VALIDATION,
  mergeValidateOptions,
  resolveValidation,
  type ValidateOption,
  ValidateOptionSchema,
} from './validate-option.js'

/** The one message the schema gives for `value`, or `undefined` when it is valid. */
function problem(value: unknown): string | undefined {
  const result = ValidateOptionSchema.safeParse(value)
  if (result.success) return undefined
  expect(result.error.issues).toHaveLength(1)
  return result.error.issues[0]?.message
}

describe('the validate option', () => {
  it('takes a response mode, or an object with either part', () => {
    for (const valid of ['strict', 'warn', 'off', {}, { request: true }, { request: 'documented', response: 'off' }]) {
      expect(problem(valid), JSON.stringify(valid)).toBeUndefined()
    }
    expect(problem({ request: false })).toBeUndefined()
  })

  it('names what is wrong: the modes for a string, the part inside an object', () => {
    expect(problem('maybe')).toBe('must be one of "strict", "warn", "off"')
    expect(problem({ request: 'yes' })).toBe('request: must be one of true, false, "documented"')
    expect(problem({ response: 'loud' })).toBe('response: must be one of "strict", "warn", "off"')
    expect(problem({ request: 'yes', response: 'x' })).toBe(
      'request: must be one of true, false, "documented"; response: must be one of "strict", "warn", "off"',
    )
    expect(problem({ other: 1 })).toBe('"other" is not a known field')
    expect(problem([])).toBe('it: must be an object')
  })

  it('anything else: the modes, or an object', () => {
    for (const value of [5, null, true]) {
      expect(problem(value)).toBe('must be one of "strict", "warn", "off", or an object { request?, response? }')
    }
  })
})

describe('resolveValidation', () => {
  const base = { request: 'documented', response: 'strict' } as const

  it('keeps the base when the option says nothing', () => {
    expect(resolveValidation(base, undefined)).toBe(base)
    expect(resolveValidation(base, {})).toEqual(base)
  })

  it('a string sets the response mode only', () => {
    expect(resolveValidation(base, 'off')).toEqual({ request: 'documented', response: 'off' })
  })

  it('request: true is the protective rule set, false none, "documented" the docs only', () => {
    expect(resolveValidation(base, { request: true })).toEqual({ request: 'protective', response: 'strict' })
    expect(resolveValidation(DEFAULT_VALIDATION, { request: false })).toEqual({ request: false, response: 'warn' })
    expect(resolveValidation(DEFAULT_VALIDATION, { request: 'documented' })).toEqual({
      request: 'documented',
      response: 'warn',
    })
    expect(resolveValidation(DEFAULT_VALIDATION, { response: 'strict' })).toEqual({
      request: 'protective',
      response: 'strict',
    })
  })

  it('the default: protective requests, warnings for responses', () => {
    expect(DEFAULT_VALIDATION).toEqual({ request: 'protective', response: 'warn' })
    expect(Object.isFrozen(DEFAULT_VALIDATION)).toBe(true)
  })
})

describe('mergeValidateOptions', () => {
  it('either side alone is the result', () => {
    expect(mergeValidateOptions(undefined, 'off')).toBe('off')
    expect(mergeValidateOptions({ request: false }, undefined)).toEqual({ request: false })
    expect(mergeValidateOptions(undefined, undefined)).toBeUndefined()
    // As given, not rewritten as an object.
    expect(mergeValidateOptions('strict', undefined)).toBe('strict')
    const parent = { request: 'documented' } as const
    expect(mergeValidateOptions(parent, undefined)).toBe(parent)
  })

  it('the parts the child sets replace the parent’s; the others stay', () => {
    const cases: [ValidateOption, ValidateOption, ValidateOption][] = [
      ['strict', { request: false }, { response: 'strict', request: false }],
      [{ request: 'documented' }, 'off', { request: 'documented', response: 'off' }],
      [{ request: false, response: 'off' }, { response: 'strict' }, { request: false, response: 'strict' }],
      [{ request: false, response: 'off' }, { request: true }, { request: true, response: 'off' }],
      [{ request: false, response: 'off' }, {}, { request: false, response: 'off' }],
      ['warn', 'strict', { response: 'strict' }],
    ]
    for (const [parent, child, merged] of cases) {
      expect(mergeValidateOptions(parent, child), JSON.stringify([parent, child])).toStrictEqual(merged)
    }
  })
})
