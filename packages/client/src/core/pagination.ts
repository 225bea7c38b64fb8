import type { ListMeta } from '@cc/schema'
import { APIPromise, type WithResponse } from './api-promise.js'
import { CcError } from './errors.js'

/** Fetches the page after `cursor`. */
export type FetchPage<T> = (cursor: string) => PagePromise<T>

/**
 * One page of a cursor-paginated list. Iterate it with `for await` to walk every item of every page from
 * here on, or use `iterPages()` to go page by page.
 */
export class Page<T> implements AsyncIterable<T> {
  readonly data: T[]
  readonly meta: ListMeta
  readonly requestId: string | undefined
  readonly #cursor: string | undefined
  readonly #fetchPage: FetchPage<T>

  constructor(
    data: T[],
    meta: ListMeta,
    requestId: string | undefined,
    cursor: string | undefined,
    fetch: FetchPage<T>,
  ) {
    this.data = data
    this.meta = meta
    this.requestId = requestId
    this.#cursor = cursor
    this.#fetchPage = fetch
  }

  /** The cursor of the next page, when there is one. */
  get nextCursor(): string | undefined {
    const next = this.meta.nextCursor
    return this.meta.hasMore && this.data.length > 0 && next ? next : undefined
  }

  hasNextPage(): boolean {
    return this.nextCursor !== undefined
  }

  /** The next page, with the same limit and request options. Check `hasNextPage()` first. */
  getNextPage(): PagePromise<T> {
    const next = this.nextCursor
    if (next === undefined) {
      return new PagePromise(Promise.reject(new CcError('There is no next page: check hasNextPage() first')))
    }
    if (next === this.#cursor) {
      // A server that hands back the cursor it was given would make `for await` loop forever.
      return new PagePromise(Promise.reject(new CcError(`The API returned the same cursor twice (${next})`)))
    }
    return this.#fetchPage(next)
  }

  /** This page, then each following page in turn. */
  async *iterPages(): AsyncGenerator<Page<T>> {
    let page: Page<T> = this
    yield page
    while (page.hasNextPage()) {
      page = await page.getNextPage()
      yield page
    }
  }

  /** Every item of this page and the following ones, one request per page, as you go. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for await (const page of this.iterPages()) yield* page.data
  }
}

/** `await` it for the first page; `for await` it for every item of every page. */
export class PagePromise<T> extends APIPromise<Page<T>> implements AsyncIterable<T> {
  constructor(result: Promise<WithResponse<Page<T>>>) {
    super(result)
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    const page = await this
    yield* page
  }
}
