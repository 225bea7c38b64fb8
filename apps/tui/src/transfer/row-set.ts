/**
 * A set of row numbers as a bit per row: a resumed import of 100 000 rows remembers which are done in 12.5 kB
 * rather than in a `Set` of numbers.
 */
export class RowSet {
  #bits = new Uint8Array(1024)
  #size = 0

  get size(): number {
    return this.#size
  }

  has(row: number): boolean {
    return row >= 0 && ((this.#bits[row >> 3] ?? 0) & (1 << (row & 7))) !== 0
  }

  add(row: number): void {
    if (!Number.isInteger(row) || row < 0 || row > 0x7fffffff) throw new RangeError(`not a row number: ${row}`)
    const byte = row >> 3
    if (byte >= this.#bits.length) {
      const grown = new Uint8Array(Math.max(byte + 1, this.#bits.length * 2))
      grown.set(this.#bits)
      this.#bits = grown
    }
    if (this.has(row)) return
    this.#bits[byte] = (this.#bits[byte] ?? 0) | (1 << (row & 7))
    this.#size++
  }

  delete(row: number): void {
    if (!this.has(row)) return
    const byte = row >> 3
    this.#bits[byte] = (this.#bits[byte] ?? 0) & ~(1 << (row & 7))
    this.#size--
  }
}
