import type { Activity, CreateActivityInput } from '@cc/schema'
import type { APIPromise } from '../core/api-promise.js'
import type { RequestOptions } from '../core/config.js'
import { APIResource } from '../core/resource.js'
import { dataOf } from '../core/unwrap.js'

/** Activities (calls, emails, notes…): `/activities`. Not retried: the API documents no idempotency key here. */
export class Activities extends APIResource {
  /** Logs an activity on a contact (a note is `type: 'note'`). */
  create(input: CreateActivityInput, options?: RequestOptions): APIPromise<Activity> {
    return this.call('createActivity', 'activities.create', { body: input }, options, dataOf)
  }
}
