import { ApiError, ResponseValidationError, UnprocessableEntityError, ValidationError } from '@cc/client'
import { describeError } from '../services/describe-error.js'

/**
 * A problem with this row or contact (the API refused it): it fails, the run goes on. Anything else (a rejected key,
 * no network, a 5xx after the retries) would fail every row alike: it stops the run, to be resumed.
 */
export function isRowProblem(error: unknown): boolean {
  if (error instanceof ValidationError || error instanceof ResponseValidationError) return true
  return error instanceof ApiError && error.status < 500 && ![401, 403, 429].includes(error.status)
}

/** Why a row failed, in words, with the API's messages for its fields. */
export function failureMessage(error: unknown): string {
  const described = describeError(error)
  const fields = error instanceof UnprocessableEntityError || error instanceof ValidationError
  return fields && described.fieldErrors
    ? `${described.message} ${Object.values(described.fieldErrors).join('; ')}`
    : described.message
}
