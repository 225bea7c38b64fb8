import type { EndpointName } from '@cc/schema'
import type { ApiClient, CallSettings, PreparedCall, RawResult } from './api-client.js'
import { APIPromise, type WithResponse, withRequestId } from './api-promise.js'
import type { RequestOptions } from './config.js'
import { type EndpointInput, prepareCall, type ResponseOf } from './endpoint.js'

/** The base of `cc.people`, `cc.deals`…: holds the client's request lifecycle and calls endpoints through it. */
export abstract class APIResource {
  readonly #api: ApiClient

  constructor(api: ApiClient) {
    this.#api = api
  }

  /** The request lifecycle, for what `call` does not cover (bulk calls, fallbacks). */
  protected get api(): ApiClient {
    return this.#api
  }

  /**
   * Calls endpoint `name`: checks the options and the input, sends it through the client's request lifecycle, and
   * maps the success body to the result with `unwrap`. The result carries a non-enumerable `requestId`.
   */
  protected call<N extends EndpointName, T>(
    name: N,
    operation: string,
    input: EndpointInput,
    options: RequestOptions | undefined,
    unwrap: (body: ResponseOf<N>, raw: RawResult) => T,
  ): APIPromise<T> {
    return this.run(options, (settings) =>
      this.send(prepareCall(name, input, operation, settings.shaping), settings, (body, raw) =>
        unwrap(body as ResponseOf<N>, raw),
      ),
    )
  }

  /** An `APIPromise` of what `work` does with the call's checked options; it starts at once. */
  protected run<T>(
    options: RequestOptions | undefined,
    work: (settings: CallSettings) => Promise<WithResponse<T>>,
  ): APIPromise<T> {
    return new APIPromise((async () => work(this.#api.settings(options)))())
  }

  /** Sends a prepared call and unwraps its result. */
  protected async send<T>(
    call: PreparedCall,
    settings: CallSettings,
    unwrap: (body: unknown, raw: RawResult) => T,
  ): Promise<WithResponse<T>> {
    const raw = await this.#api.request(call, settings)
    const data = withRequestId(unwrap(raw.body, raw), raw.requestId)
    return { data, meta: raw.meta, response: raw.response, requestId: raw.requestId, body: raw.body }
  }
}
