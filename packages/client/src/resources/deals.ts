import type { CreateDealInput, CreateDealResult, MoveDealInput, UpdateDealInput } from '@cc/schema'
import type { ApiClient } from '../core/api-client.js'
import type { APIPromise } from '../core/api-promise.js'
import type { RequestOptions } from '../core/config.js'
import { callEndpoint } from '../core/endpoint.js'
import { dataOf, type SuccessResult, successOf } from '../core/unwrap.js'

/** Deals: `/deals`. POSTs here carry no idempotency key (the API documents none), so they are never retried. */
export class Deals {
  readonly #api: ApiClient

  constructor(api: ApiClient) {
    this.#api = api
  }

  /** Creates a deal; resolves with its new id. */
  create(input: CreateDealInput, options?: RequestOptions): APIPromise<CreateDealResult> {
    return callEndpoint(this.#api, 'createDeal', 'deals.create', { body: input }, options, dataOf)
  }

  /** Replaces a deal's fields (`title` and `pipelineId` are required here too). */
  update(id: string, input: UpdateDealInput, options?: RequestOptions): APIPromise<SuccessResult> {
    return callEndpoint(this.#api, 'updateDeal', 'deals.update', { params: { id }, body: input }, options, successOf)
  }

  /** Moves a deal to another stage. */
  move(id: string, input: MoveDealInput, options?: RequestOptions): APIPromise<SuccessResult> {
    return callEndpoint(this.#api, 'moveDeal', 'deals.move', { params: { id }, body: input }, options, successOf)
  }
}
