import type { Me, User } from '@cc/schema'
import type { ApiClient } from '../core/api-client.js'
import type { APIPromise } from '../core/api-promise.js'
import type { RequestOptions } from '../core/config.js'
import { callEndpoint } from '../core/endpoint.js'
import { dataOf } from '../core/unwrap.js'

/** Users of the account: `/users` and `/me`. */
export class Users {
  readonly #api: ApiClient

  constructor(api: ApiClient) {
    this.#api = api
  }

  /** Every user of the account. */
  list(options?: RequestOptions): APIPromise<User[]> {
    return callEndpoint(this.#api, 'listUsers', 'users.list', {}, options, dataOf)
  }

  /** The user the API key belongs to. */
  me(options?: RequestOptions): APIPromise<Me> {
    return callEndpoint(this.#api, 'me', 'me', {}, options, dataOf)
  }
}
