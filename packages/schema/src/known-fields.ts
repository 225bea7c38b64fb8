import type * as core from 'zod/v4/core'
import { closestField } from './closest-field.js'

/** zod's issue for unknown fields, with the known field each unknown one most likely meant (when one is close). */
export interface UnknownKeysIssue {
  readonly code: 'unrecognized_keys'
  readonly keys: readonly string[]
  /** `{ zipcode: 'zipCode' }`: by unknown field, the closest known field of the object. */
  readonly didYouMean?: Readonly<Record<string, string>>
}

/**
 * For an unknown-fields issue of an object schema: the closest known field of each unknown key that has one close
 * enough (`{ zipcode: 'zipCode' }`), or `undefined`. Read from the object schema that raised the issue.
 */
export function closestKnownFields(
  issue: core.$ZodRawIssue<core.$ZodIssueUnrecognizedKeys>,
): Record<string, string> | undefined {
  // Every object schema has a shape; any other (a record) has none and makes no guesses.
  const def = issue.inst?._zod.def as { type?: string; shape: Record<string, unknown> } | undefined
  if (def?.type !== 'object') return undefined
  const known = Object.keys(def.shape)
  const found: Record<string, string> = {}
  for (const key of issue.keys) {
    const near = closestField(key, known)
    // defineProperty: an unknown field may be called "__proto__".
    if (near !== undefined) {
      Object.defineProperty(found, key, { value: near, enumerable: true, writable: true, configurable: true })
    }
  }
  return Object.keys(found).length > 0 ? found : undefined
}
