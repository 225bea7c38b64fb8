import type { Me, User } from '@cc/schema'
import type { APIPromise } from '../core/api-promise.js'
import type { RequestOptions } from '../core/config.js'
import { APIResource } from '../core/resource.js'
import { dataOf } from '../core/unwrap.js'

/** Users of the account: `/users` and `/me`. */
export class Users extends APIResource {
  /** Every user of the account. */
  list(options?: RequestOptions): APIPromise<User[]> {
    return this.call('listUsers', 'users.list', {}, options, dataOf)
  }

  /** The user the API key belongs to. */
  me(options?: RequestOptions): APIPromise<Me> {
    return this.call('me', 'me', {}, options, dataOf)
  }
}
