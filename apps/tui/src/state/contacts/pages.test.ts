import { describe, expect, it } from 'vitest'
import { person } from '../../../test/support/people.js'
import {
  evictOutside,
  inWindow,
  type ListPage,
  locate,
  MAX_PAGES_HELD,
  pageStart,
  pagesLength,
  WINDOW_RADIUS,
  windowOrder,
} from './pages.js'
import { toRow } from './rows.js'

const held = (count: number, cursor?: string): ListPage => ({
  cursor,
  count,
  rows: Array.from({ length: count }, (_, i) => toRow(person(i))),
})
const bare = (count: number, cursor?: string): ListPage => ({ cursor, count })

describe('list pages', () => {
  const pages = [held(3), bare(2, 'c3'), held(4, 'c5')]

  it('counts the rows of every page, held or not', () => {
    expect(pagesLength([])).toBe(0)
    expect(pagesLength(pages)).toBe(9)
  })

  it('finds the page and the row within it of a list position, and where each page starts', () => {
    expect(locate(pages, -1)).toBeUndefined()
    expect(locate(pages, 0)).toEqual({ page: 0, offset: 0 })
    expect(locate(pages, 2)).toEqual({ page: 0, offset: 2 })
    expect(locate(pages, 3)).toEqual({ page: 1, offset: 0 })
    expect(locate(pages, 5)).toEqual({ page: 2, offset: 0 })
    expect(locate(pages, 8)).toEqual({ page: 2, offset: 3 })
    expect(locate(pages, 9)).toBeUndefined()
    // An empty page (every contact of it deleted since) holds no position.
    expect(locate([held(1), bare(0, 'c1'), held(1, 'c1')], 1)).toEqual({ page: 2, offset: 0 })
    expect([0, 1, 2, 3, 9].map((page) => pageStart(pages, page))).toEqual([0, 3, 5, 9, 9])
  })

  it('fetches the window nearest first and never past either end', () => {
    expect(WINDOW_RADIUS).toBe(2)
    expect(MAX_PAGES_HELD).toBe(5)
    expect(windowOrder(5, 100)).toEqual([5, 6, 4, 7, 3])
    expect(windowOrder(0, 100)).toEqual([0, 1, 2])
    expect(windowOrder(9, 10)).toEqual([9, 8, 7])
    expect(windowOrder(0, 0)).toEqual([])
    expect([3, 5, 7, 8, 2].map((page) => inWindow(5, page))).toEqual([true, true, true, false, false])
  })

  it('lets go of the rows outside the window, keeping each page its cursor and count', () => {
    const list = Array.from({ length: 8 }, (_, i) => held(2, i === 0 ? undefined : `c${i}`))
    const kept = evictOutside(list, 1)
    expect(kept.map((page) => page.rows !== undefined)).toEqual([true, true, true, true, false, false, false, false])
    expect(kept[6]).toEqual({ cursor: 'c6', count: 2 })
    // Nothing to let go of: the same array, so the state does not change.
    expect(evictOutside(kept, 1)).toBe(kept)
    expect(evictOutside(kept, 6).filter((page) => page.rows).length).toBe(0)
  })
})
