import type { Meta } from '@cc/schema'

/** What `.withResponse()` gives: the result and everything that came with it. */
export interface WithResponse<T> {
  data: T
  /** The response's `meta` block (`requestId`, `timestamp`, `version`, and the cursor fields of a list). */
  meta: Meta | undefined
  /** The raw response. Its body has been read already: use `data`, or `body`. */
  response: Response
  /** `meta.requestId`, else the `X-Request-Id` header (which a proxy may have added). */
  requestId: string | undefined
  /**
   * The whole answer as parsed: `data` is part of it. Fields the contract does not know are kept, here and at any
   * depth of `data` and `meta`.
   */
  body: unknown
}

/** Adds a non-enumerable `requestId` to an object result, so it shows in neither JSON nor spreads. */
export function withRequestId<T>(data: T, requestId: string | undefined): T {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: Object.isExtensible is false for null and every primitive (results are never functions)
  if (data !== null && typeof data === 'object' && Object.isExtensible(data)) {
    Object.defineProperty(data, 'requestId', { value: requestId, enumerable: false, configurable: true })
  }
  return data
}

/**
 * A `Promise` of a call's result with one more method, `.withResponse()`. The request starts at once;
 * awaiting gives the result, `.withResponse()` gives `{ data, meta, response, requestId }`.
 */
export class APIPromise<T> extends Promise<T> {
  readonly #result: Promise<WithResponse<T>>
  #data: Promise<T> | undefined

  constructor(result: Promise<WithResponse<T>>) {
    // Stryker disable next-line ArrowFunction: then, catch and finally are this class's own: none reads the base promise
    super((resolve) => resolve(undefined as T))
    this.#result = result
  }

  // Derived promises (from then/catch/finally) are plain promises.
  // Stryker disable next-line BlockStatement: a species of undefined means the default constructor, Promise, as well
  static override get [Symbol.species]() {
    return Promise
  }

  withResponse(): Promise<WithResponse<T>> {
    return this.#result
  }

  #value(): Promise<T> {
    this.#data ??= this.#result.then((result) => result.data)
    return this.#data
  }

  // biome-ignore lint/suspicious/noThenProperty: this class is a Promise; `then` delegates to the real result
  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#value().then(onfulfilled, onrejected)
  }

  override catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.#value().catch(onrejected)
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#value().finally(onfinally)
  }
}
