/**
 * Opaque pagination cursors. A cursor encodes the position (the monotonic `seq`) of the last item a
 * page returned, so the next page starts right after it however many contacts were inserted since.
 */
export function encodeCursor(seq: number): string {
  return Buffer.from(JSON.stringify({ v: 1, after: seq })).toString('base64url')
}

/** The position a cursor encodes, or `undefined` when it is not one of ours. */
export function decodeCursor(cursor: string): number | undefined {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(cursor) || cursor.length > 200) return undefined
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    // Object(): JSON null becomes {}, a number or a string its wrapper object; none of them has a `v`.
    const { v, after } = Object(value) as Record<string, unknown>
    if (v === 1 && Number.isSafeInteger(after) && (after as number) >= 0) return after as number
  } catch {
    // Not JSON: not one of ours.
  }
  return undefined
}
