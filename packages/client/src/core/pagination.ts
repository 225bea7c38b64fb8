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

  /**
   * This page, then each following page in turn. The walk holds one page at a time: once the next page has
   * arrived, nothing of the walk refers to the one before (whoever holds this first page keeps it, of course).
   */
  iterPages(): AsyncGenerator<Page<T>> {
    return walkPages(this)
  }

  /** Every item of this page and the following ones, one request per page, as you go; one page held at a time. */
  [Symbol.asyncIterator](): AsyncGenerator<T> {
    return walkItems(Promise.resolve(this))
  }
}

/**
 * Pages from `first` on. A generator method would keep its `this` (the first page) alive for the whole walk: this
 * function drops each page for the next, so that a walk over a million contacts holds one page of them.
 */
async function* walkPages<T>(first: Page<T> | undefined): AsyncGenerator<Page<T>> {
  let page = first as Page<T>
  // Only `page` may keep a page alive from here on.
  first = undefined
  yield page
  while (page.hasNextPage()) {
    page = await page.getNextPage()
    yield page
  }
}

/** Every item of every page from `first` on; like `walkPages`, one page held at a time. */
async function* walkItems<T>(first: Promise<Page<T>> | undefined): AsyncGenerator<T> {
  const pages = walkPages(await first)
  // A settled promise keeps its value: the first page would live as long as the walk.
  first = undefined
  for await (const page of pages) yield* page.data
}

/** `await` it for the first page; `for await` it for every item of every page (one page in memory at a time). */
export class PagePromise<T> extends APIPromise<Page<T>> implements AsyncIterable<T> {
  constructor(result: Promise<WithResponse<Page<T>>>) {
    super(result)
  }

  /**
   * Not a generator method: the walk must not keep this promise (and through it the first page) alive. `for await
   * (const person of cc.people.list())` leaves nothing else that refers to it.
   */
  [Symbol.asyncIterator](): AsyncGenerator<T> {
    return walkItems(this.then((page) => page))
  }
}
