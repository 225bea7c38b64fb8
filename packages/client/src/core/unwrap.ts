/** Picking results out of response envelopes. With `validate: 'warn' | 'off'` a body may not have the promised
 * shape (a warning was logged), so these never throw on a missing envelope. */

/** `{ meta, success, message }`: what updates and moves return. */
export interface SuccessResult {
  success: boolean
  message?: string
}

export function dataOf<T>(body: { data: T }): T {
  return (body as { data?: T } | undefined)?.data as T
}

export function successOf(body: { success?: boolean | undefined; message?: string | undefined }): SuccessResult {
  const { success, message } = (body ?? {}) as Partial<SuccessResult>
  return message === undefined ? { success: success === true } : { success: success === true, message }
}
