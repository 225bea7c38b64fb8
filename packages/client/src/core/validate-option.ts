import { messages, type RuleSet, worded } from '@cc/schema'
import * as z from 'zod'

/** What a response that breaks the contract does: throw (`strict`), log a warning (`warn`) or nothing (`off`). */
const ResponseValidation = z.enum(['strict', 'warn', 'off'], worded)

/**
 * How requests are checked before they are sent: `true` with the `protective` rules of `@cc/schema` (what the docs
 * state and our rules, each in ASSUMPTIONS.md), `'documented'` with only what the API docs state (fields the docs do
 * not list pass through), `false` not at all (the input is sent as given).
 */
const RequestValidation = z.union([z.boolean(worded), z.literal('documented')], {
  error: messages.oneOf([true, false, 'documented']),
})

/**
 * The `validate` option, of the client or of one call. A string sets response validation only (what `validate`
 * has always been); an object sets either part or both.
 */
const ValidateParts = z.strictObject(
  { request: RequestValidation.optional(), response: ResponseValidation.optional() },
  worded,
)

export const ValidateOptionSchema = z.union([ResponseValidation, ValidateParts], {
  error: (issue) => {
    const input = issue.input
    if (typeof input === 'string') return messages.oneOf(ResponseValidation.options)
    // An object: name what is wrong inside it.
    const parts = typeof input === 'object' && input !== null ? ValidateParts.safeParse(input) : undefined
    if (parts?.success === false) {
      // A part's problem is under its name (the parts hold no objects); the object's own under none.
      return parts.error.issues.map((inner) => `${String(inner.path[0] ?? 'it')}: ${inner.message}`).join('; ')
    }
    return `${messages.oneOf(ResponseValidation.options)}, or an object { request?, response? }`
  },
})
export type ValidateOption = z.input<typeof ValidateOptionSchema>
export type ValidateMode = z.infer<typeof ResponseValidation>
export type RequestValidation = z.infer<typeof RequestValidation>

/** How one call is checked, both parts decided: the rule set for the request (`false`: none) and the response mode. */
export interface Validation {
  request: RuleSet | false
  response: ValidateMode
}

export const DEFAULT_VALIDATION: Validation = Object.freeze({ request: 'protective', response: 'warn' })

/** `option` as its two parts, each `undefined` when it does not set it. */
function partsOf(option: ValidateOption): { request?: RequestValidation; response?: ValidateMode } {
  return typeof option === 'string' ? { response: option } : option
}

/** `option` (checked) on top of `base`: the parts it sets replace those of `base`. */
export function resolveValidation(base: Validation, option: ValidateOption | undefined): Validation {
  if (option === undefined) return base
  const { request, response } = partsOf(option)
  return {
    request: request === undefined ? base.request : request === true ? 'protective' : request,
    response: response ?? base.response,
  }
}

/** A derived client's `validate`: the parts `child` sets over those of `parent`. */
export function mergeValidateOptions(
  parent: ValidateOption | undefined,
  child: ValidateOption | undefined,
): ValidateOption | undefined {
  if (parent === undefined || child === undefined) return child ?? parent
  const merged = partsOf(parent)
  const { request, response } = partsOf(child)
  // A part the child leaves `undefined` keeps the parent's.
  return {
    ...merged,
    ...(request === undefined ? {} : { request }),
    ...(response === undefined ? {} : { response }),
  }
}
