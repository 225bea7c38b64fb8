/** Cursor arithmetic over UTF-16 strings that never splits a surrogate pair. */

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff

export function clamp(value: string, cursor: number): number {
  const c = Math.max(0, Math.min(value.length, Math.trunc(cursor)))
  // Never sit between the halves of a pair. Past either end charCodeAt gives NaN, which is neither half.
  if (isLow(value.charCodeAt(c)) && isHigh(value.charCodeAt(c - 1))) return c - 1
  return c
}

export function prevIndex(value: string, cursor: number): number {
  if (cursor <= 0) return 0
  const c = cursor - 1
  if (isLow(value.charCodeAt(c)) && isHigh(value.charCodeAt(c - 1))) return c - 1
  return c
}

export function nextIndex(value: string, cursor: number): number {
  if (cursor >= value.length) return value.length
  if (isHigh(value.charCodeAt(cursor)) && isLow(value.charCodeAt(cursor + 1))) return cursor + 2
  return cursor + 1
}

const WORD = /[\p{L}\p{N}_]/u

function isWordAt(value: string, index: number): boolean {
  const ch = String.fromCodePoint(value.codePointAt(index) ?? 32)
  return WORD.test(ch)
}

/** Start of the word before the cursor (skipping the separators in between), readline style. */
export function wordStartBefore(value: string, cursor: number): number {
  let c = cursor
  while (c > 0 && !isWordAt(value, prevIndex(value, c))) c = prevIndex(value, c)
  while (c > 0 && isWordAt(value, prevIndex(value, c))) c = prevIndex(value, c)
  return c
}

/** End of the word after the cursor (skipping the separators in between). */
export function wordEndAfter(value: string, cursor: number): number {
  let c = cursor
  while (c < value.length && !isWordAt(value, c)) c = nextIndex(value, c)
  // At the end there is no character, which reads as a space: the loop stops there.
  while (isWordAt(value, c)) c = nextIndex(value, c)
  return c
}
