import type { Activity, CreateActivityInput } from '@cc/schema'
import type { ApiClient } from '../core/api-client.js'
import type { APIPromise } from '../core/api-promise.js'
import type { RequestOptions } from '../core/config.js'
import { callEndpoint } from '../core/endpoint.js'
import { dataOf } from '../core/unwrap.js'

/** Activities (calls, emails, notes…): `/activities`. Not retried: the API documents no idempotency key here. */
export class Activities {
  readonly #api: ApiClient

  constructor(api: ApiClient) {
    this.#api = api
  }

  /** Logs an activity on a contact (a note is `type: 'note'`). */
  create(input: CreateActivityInput, options?: RequestOptions): APIPromise<Activity> {
    return callEndpoint(this.#api, 'createActivity', 'activities.create', { body: input }, options, dataOf)
  }
}
