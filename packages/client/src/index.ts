export type {
  Activity,
  CreateActivityInput,
  CreateContactInput,
  CreateDealInput,
  CreateDealResult,
  DeleteContactResult,
  ListMeta,
  ListPeopleQuery,
  Me,
  Meta,
  MoveDealInput,
  Person,
  SearchPeopleQuery,
  UpdateContactInput,
  UpdateDealInput,
  UpsertContactResult,
  User,
} from '@cc/schema'
export { CcClient, createClient } from './client.js'
export type { WithResponse } from './core/api-promise.js'
export { APIPromise } from './core/api-promise.js'
export type { BulkProgress, BulkResult, BulkSource } from './core/bulk.js'
export type { ClientOptions, RequestOptions } from './core/config.js'
export {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  CcError,
  ConflictError,
  ConnectionError,
  type FieldErrors,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestError,
  ResponseTooLargeError,
  ResponseValidationError,
  TimeoutError,
  UnprocessableEntityError,
  ValidationError,
} from './core/errors.js'
export type { Logger, LogLevel } from './core/logger.js'
export { isApiNotFound, isMissingRoute } from './core/missing-route.js'
export { Page, PagePromise } from './core/pagination.js'
export type { BackoffOptions } from './core/retry.js'
export { escapeTerminalText, type SanitizeOptions, sanitizeTerminalText } from './core/untrusted-text.js'
export type { SuccessResult } from './core/unwrap.js'
export type { RequestValidation, ValidateMode, ValidateOption } from './core/validate-option.js'
export type { Activities } from './resources/activities.js'
export type { Deals } from './resources/deals.js'
export type {
  CreateOptions,
  DeleteOptions,
  DeletePersonResult,
  People,
  UpdateManyItem,
  UpdateManyOptions,
} from './resources/people.js'
export type { Users } from './resources/users.js'
