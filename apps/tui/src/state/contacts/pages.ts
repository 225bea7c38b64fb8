import type { ContactRow } from './rows.js'

/**
 * One page of the list as the API cut it. Every page ever reached stays as its cursor and its row count (a few
 * bytes), so positions stay put ("row 20 001 of 40 000+") and a page let go of is fetched again by its cursor; only
 * the pages around the highlighted row hold their rows.
 */
export interface ListPage {
  /** The cursor that fetches it (none: the first page). */
  cursor?: string | undefined
  /** Rows it had when last fetched: positions after it count on this while its rows are not held. */
  count: number
  /** Its rows while it is in the window around the highlighted row; `undefined` outside it. */
  rows?: ContactRow[] | undefined
  /** Held, but the server has changed since (a bulk edit, an import): fetched again while in the window. */
  stale?: boolean | undefined
}

/** Pages held on each side of the highlighted row's page. */
export const WINDOW_RADIUS = 2

/** The most pages the list holds rows of at once. */
export const MAX_PAGES_HELD = 2 * WINDOW_RADIUS + 1

/** Rows of every page, held or not. */
export function pagesLength(pages: readonly ListPage[]): number {
  let total = 0
  for (const page of pages) total += page.count
  return total
}

/** The page at list position `index` (0 = the first page's first row) and the row within it. */
export function locate(pages: readonly ListPage[], index: number): { page: number; offset: number } | undefined {
  if (index < 0) return undefined
  let start = 0
  for (let page = 0; page < pages.length; page++) {
    const count = (pages[page] as ListPage).count
    if (index < start + count) return { page, offset: index - start }
    start += count
  }
  return undefined
}

/** The list position of a page's first row. */
export function pageStart(pages: readonly ListPage[], page: number): number {
  let start = 0
  for (let i = 0; i < page && i < pages.length; i++) start += (pages[i] as ListPage).count
  return start
}

export const inWindow = (center: number, page: number): boolean => Math.abs(page - center) <= WINDOW_RADIUS

/** The pages of the window around `center`, nearest first: the order in which missing ones are fetched. */
export function windowOrder(center: number, length: number): number[] {
  const order: number[] = []
  for (let distance = 0; distance <= WINDOW_RADIUS; distance++) {
    for (const page of distance === 0 ? [center] : [center + distance, center - distance]) {
      if (page >= 0 && page < length) order.push(page)
    }
  }
  return order
}

/** Lets go of the rows of every page outside the window around `center`; the same array when none was held. */
export function evictOutside(pages: readonly ListPage[], center: number): ListPage[] {
  let next: ListPage[] | undefined
  for (let page = 0; page < pages.length; page++) {
    const current = pages[page] as ListPage
    if (current.rows === undefined || inWindow(center, page)) continue
    next ??= [...pages]
    next[page] = { cursor: current.cursor, count: current.count }
  }
  return next ?? (pages as ListPage[])
}
