import * as z from 'zod'
import { worded } from './messages.js'

/** The error classes of `@cc/client`, by name: the client maps each status to the class its code names here. */
export type ClientErrorName =
  | 'ApiError'
  | 'BadRequestError'
  | 'AuthenticationError'
  | 'PermissionDeniedError'
  | 'NotFoundError'
  | 'ConflictError'
  | 'UnprocessableEntityError'
  | 'RateLimitError'
  | 'InternalServerError'

export interface ErrorCodeInfo {
  /** The HTTP status an error with this code is sent with. */
  status: number
  /** The `@cc/client` error class a response with this status becomes. */
  clientError: ClientErrorName
  /** When the code is sent, for the OpenAPI document. */
  description: string
}

/**
 * Every `error.code` the sandbox sends (a real server may send others), with its status, the client's error class
 * and what it means. The sandbox answers its errors from it, the client maps statuses to classes with it, and the
 * OpenAPI document lists its error responses from it.
 */
export const errorCodes = {
  bad_request: {
    status: 400,
    clientError: 'BadRequestError',
    description: 'The request is malformed (e.g. the body is not JSON).',
  },
  unauthorized: {
    status: 401,
    clientError: 'AuthenticationError',
    description: 'The API key is missing or not valid.',
  },
  forbidden: { status: 403, clientError: 'PermissionDeniedError', description: 'The API key may not do this.' },
  not_found: { status: 404, clientError: 'NotFoundError', description: 'No such resource or route.' },
  method_not_allowed: {
    status: 405,
    clientError: 'ApiError',
    description: 'The path exists, the method does not; `Allow` lists the methods.',
  },
  conflict: {
    status: 409,
    clientError: 'ConflictError',
    description: 'The `Idempotency-Key` was used with a different body, or the request is still in flight.',
  },
  payload_too_large: { status: 413, clientError: 'ApiError', description: 'The body is too large.' },
  unsupported_media_type: {
    status: 415,
    clientError: 'ApiError',
    description: 'The body is not `application/json`.',
  },
  validation_failed: {
    status: 422,
    clientError: 'UnprocessableEntityError',
    description: 'The body or query breaks a rule of the contract; `error.issues` names each field and rule.',
  },
  rate_limited: {
    status: 429,
    clientError: 'RateLimitError',
    description: 'Too many requests; retry after `Retry-After` seconds.',
  },
  internal_error: { status: 500, clientError: 'InternalServerError', description: 'The server failed.' },
  service_unavailable: {
    status: 503,
    clientError: 'InternalServerError',
    description: 'The server is temporarily unavailable; retry later.',
  },
} as const satisfies Record<string, ErrorCodeInfo>

/** Machine-readable error codes the sandbox sends (a real server may send others). */
export const ErrorCode = z.enum(Object.keys(errorCodes) as [ErrorCode, ...ErrorCode[]], worded)
export type ErrorCode = keyof typeof errorCodes
