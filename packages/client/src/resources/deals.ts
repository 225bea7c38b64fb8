import type { CreateDealInput, CreateDealResult, MoveDealInput, UpdateDealInput } from '@cc/schema'
import type { APIPromise } from '../core/api-promise.js'
import type { RequestOptions } from '../core/config.js'
import { APIResource } from '../core/resource.js'
import { dataOf, type SuccessResult, successOf } from '../core/unwrap.js'

/** Deals: `/deals`. POSTs here carry no idempotency key (the API documents none), so they are never retried. */
export class Deals extends APIResource {
  /** Creates a deal; resolves with its new id. */
  create(input: CreateDealInput, options?: RequestOptions): APIPromise<CreateDealResult> {
    return this.call('createDeal', 'deals.create', { body: input }, options, dataOf)
  }

  /** Replaces a deal's fields (`title` and `pipelineId` are required here too). */
  update(id: string, input: UpdateDealInput, options?: RequestOptions): APIPromise<SuccessResult> {
    return this.call('updateDeal', 'deals.update', { params: { id }, body: input }, options, successOf)
  }

  /** Moves a deal to another stage. */
  move(id: string, input: MoveDealInput, options?: RequestOptions): APIPromise<SuccessResult> {
    return this.call('moveDeal', 'deals.move', { params: { id }, body: input }, options, successOf)
  }
}
