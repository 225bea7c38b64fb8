import type { EndpointName } from '@cc/schema'
import type { ApiClient, RawResult } from './api-client.js'
import { APIPromise, withRequestId } from './api-promise.js'
import type { RequestOptions } from './config.js'
import { type EndpointInput, prepareCall, type ResponseOf } from './endpoint.js'

/** The base of `cc.people`, `cc.deals`…: holds the client's request lifecycle and calls endpoints through it. */
export abstract class APIResource {
  readonly #api: ApiClient

  constructor(api: ApiClient) {
    this.#api = api
  }

  /** The request lifecycle, for what `call` does not cover (bulk calls). */
  protected get api(): ApiClient {
    return this.#api
  }

  /**
   * Calls endpoint `name`: validates the input, sends it through the client's request lifecycle, and maps the
   * success body to the result with `unwrap`. The result carries a non-enumerable `requestId`.
   */
  protected call<N extends EndpointName, T>(
    name: N,
    operation: string,
    input: EndpointInput,
    options: RequestOptions | undefined,
    unwrap: (body: ResponseOf<N>, raw: RawResult) => T,
  ): APIPromise<T> {
    const result = (async () => {
      const raw = await this.#api.request(prepareCall(name, input, operation), options)
      const data = withRequestId(unwrap(raw.body as ResponseOf<N>, raw), raw.requestId)
      return { data, meta: raw.meta, response: raw.response, requestId: raw.requestId }
    })()
    return new APIPromise(result)
  }
}
