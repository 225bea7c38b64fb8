import type { Me } from '@cc/schema'
import { ApiClient } from './core/api-client.js'
import type { APIPromise } from './core/api-promise.js'
import { type ClientOptions, type RequestOptions, resolveConfig } from './core/config.js'
import { mergeValidateOptions } from './core/validate-option.js'
import { Activities } from './resources/activities.js'
import { Deals } from './resources/deals.js'
import { People } from './resources/people.js'
import { Users } from './resources/users.js'

/** A Client Commander API client. Make one with `createClient()`. */
export class CcClient {
  readonly people: People
  readonly users: Users
  readonly deals: Deals
  readonly activities: Activities
  /** The base URL every request goes to, e.g. `https://api.clientcommander.com/v1`. */
  readonly baseUrl: string
  readonly #options: ClientOptions
  readonly #api: ApiClient

  constructor(options: ClientOptions = {}, parent?: { options: ClientOptions; api: ApiClient }) {
    const config = resolveConfig(options)
    // Clients that talk to the same account share one rate-limit pause; to the same server, what it lacks.
    const sameServer = parent !== undefined && parent.api.config.baseUrl === config.baseUrl
    const sameAccount = sameServer && (options.apiKey === undefined || options.apiKey === parent.options.apiKey)
    this.#api = new ApiClient(
      config,
      sameAccount ? parent.api.gate : undefined,
      sameServer ? parent.api.routes : undefined,
    )
    this.#options = options
    this.baseUrl = config.baseUrl
    this.people = new People(this.#api)
    this.users = new Users(this.#api)
    this.deals = new Deals(this.#api)
    this.activities = new Activities(this.#api)
  }

  /** The user the API key belongs to (`GET /me`). */
  me(options?: RequestOptions): APIPromise<Me> {
    return this.users.me(options)
  }

  /** A new client with these options on top of this one's (headers, backoff and the parts of `validate` are merged). */
  withOptions(options: ClientOptions): CcClient {
    const merged: ClientOptions = {
      ...this.#options,
      ...options,
      headers: { ...this.#options.headers, ...options.headers },
      backoff: { ...this.#options.backoff, ...options.backoff },
      validate: mergeValidateOptions(this.#options.validate, options.validate),
    }
    return new CcClient(merged, { options: this.#options, api: this.#api })
  }
}

/**
 * A client for the Client Commander API. The key comes from `apiKey` or `CC_API_KEY`, the URL from `baseUrl`,
 * `CC_BASE_URL` or production. Throws `ValidationError` naming the option when one is missing or invalid.
 */
export function createClient(options: ClientOptions = {}): CcClient {
  return new CcClient(options)
}
