/** Picking results out of response envelopes. With `validate: 'warn' | 'off'` a body may not have the promised
 * shape (a warning was logged), so these never throw on a missing envelope. */

/** `{ meta, success, message }`: what updates and moves return. */
export interface SuccessResult {
  success: boolean
  message?: string
  /** The answer's request id: non-enumerable, like every result's. */
  readonly requestId?: string | undefined
}

export function dataOf<T>(body: { data: T }): T {
  return (body as { data?: T } | undefined)?.data as T
}

/**
 * `success` as the server sent it, `true` when it sent none: the docs mark only `meta` required, and a 2xx answer
 * is a success (ASSUMPTIONS.md#success-is-2xx).
 */
export function successOf(body: { success?: boolean | undefined; message?: string | undefined }): SuccessResult {
  const { success: sent, message } = (body ?? {}) as Partial<SuccessResult>
  const success = typeof sent === 'boolean' ? sent : true
  return message === undefined ? { success } : { success, message }
}
