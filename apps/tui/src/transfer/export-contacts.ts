import type { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { CcClient } from '@cc/client'
import { stringify } from 'csv-stringify'
import { type ContactRecord, contactRecord, csvCells, csvHeader, jsonlLine } from './contact-record.js'
import type { TransferFormat } from './source-rows.js'

export interface WriteOptions {
  format: TransferFormat
  output: Writable
  /** Leave `output` open at the end (stdout). Default: end it. */
  keepOpen?: boolean
  signal?: AbortSignal
}

export interface ExportOptions extends WriteOptions {
  client: CcClient
  /** Contacts written so far, after each page. */
  onProgress?: (count: number) => void
}

/** Contacts per page: the API's most. */
const PAGE_SIZE = 100

/**
 * Writes records as they come, with backpressure (the next is asked for only when the output has taken the last).
 * CSV is RFC 4180: CRLF, a header row, quotes where needed (around commas, quotes and line breaks), formula cells
 * neutralised; JSON Lines is one object per line.
 */
export async function writeContactRecords(records: AsyncIterable<ContactRecord>, options: WriteOptions): Promise<void> {
  const { format, output, signal } = options
  const end = { end: !options.keepOpen, ...(signal ? { signal } : {}) }
  if (format === 'jsonl') {
    await pipeline(
      async function* () {
        for await (const record of records) yield jsonlLine(record)
      },
      output,
      end,
    )
    return
  }
  const rows = async function* () {
    yield csvHeader()
    for await (const record of records) yield csvCells(record)
  }
  // A line break inside a cell is quoted too: csv-stringify quotes only the record delimiter by default.
  await pipeline(rows, stringify({ record_delimiter: '\r\n', quoted_match: /[\r\n]/ }), output, end)
}

/**
 * Writes every contact, page by page as the API hands them out (`for await`): one page in memory at a time.
 * Returns the number of contacts written.
 */
export async function exportContacts(options: ExportOptions): Promise<number> {
  const { client, signal } = options
  let count = 0
  async function* records() {
    for await (const person of client.people.list({ limit: PAGE_SIZE }, signal ? { signal } : {})) {
      yield contactRecord(person)
      count++
      if (count % PAGE_SIZE === 0) options.onProgress?.(count)
    }
    options.onProgress?.(count)
  }
  await writeContactRecords(records(), options)
  return count
}
