import { createHash } from 'node:crypto'
import { closeSync, createReadStream, openSync, readSync } from 'node:fs'
import { extname } from 'node:path'
import { PassThrough } from 'node:stream'
import { readCsvRows } from './csv-rows.js'
import { readJsonlRows } from './jsonl-rows.js'
import type { SourceItem, TransferFormat } from './source-rows.js'

/** `.csv` is CSV, `.jsonl`/`.ndjson`/`.json` JSON Lines; any other name: JSON Lines when it starts with `{`. */
export function detectFormat(path: string): TransferFormat {
  const extension = extname(path).toLowerCase()
  if (extension === '.csv') return 'csv'
  if (['.jsonl', '.ndjson', '.json'].includes(extension)) return 'jsonl'
  const fd = openSync(path, 'r')
  try {
    const head = Buffer.alloc(256)
    const length = readSync(fd, head, 0, head.length, 0)
    const text = head
      .subarray(0, length)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
    return text.trimStart().startsWith('{') ? 'jsonl' : 'csv'
  } finally {
    closeSync(fd)
  }
}

/** A file read once from start to end: its rows, and the SHA-256 of its bytes once they are all read. */
export interface SourceRead {
  items: AsyncGenerator<SourceItem>
  /** Hex SHA-256 of everything read so far: the file's, once `items` is done. */
  digest(): string
  /** Bytes read so far (for progress). */
  bytesRead(): number
}

/** Streams the rows of a file, hashing its bytes on the way (one read for both). */
export function readSourceFile(path: string, format: TransferFormat): SourceRead {
  const hash = createHash('sha256')
  let bytes = 0
  let digest: string | undefined
  const file = createReadStream(path)
  const tap = new PassThrough()
  file.on('data', (chunk) => {
    hash.update(chunk as Buffer)
    bytes += chunk.length
  })
  file.once('end', () => {
    digest = hash.digest('hex')
  })
  file.once('error', (error) => tap.destroy(error))
  file.pipe(tap)
  const rows = format === 'csv' ? readCsvRows(tap) : readJsonlRows(tap)
  async function* items(): AsyncGenerator<SourceItem> {
    try {
      yield* rows
    } finally {
      // Stopped early (an import that stops): let go of the file at once.
      file.destroy()
      tap.destroy()
    }
  }
  return {
    items: items(),
    digest: () => digest ?? hash.copy().digest('hex'),
    bytesRead: () => bytes,
  }
}
