import { PassThrough, Readable } from 'node:stream'
import type { ContactValues } from '@cc/schema'
import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arbitraryContactRecord } from '../../test/support/arbitrary-contacts.js'
import type { ContactRecord } from './contact-record.js'
import { readCsvRows } from './csv-rows.js'
import { writeContactRecords } from './export-contacts.js'
import { readJsonlRows } from './jsonl-rows.js'
import { type PlannedRow, planRow } from './plan-row.js'
import type { SourceItem, TransferFormat } from './source-rows.js'

/** What export writes for these contacts, as bytes. */
async function exported(records: ContactRecord[], format: TransferFormat): Promise<Buffer> {
  const output = new PassThrough()
  const chunks: Buffer[] = []
  output.on('data', (chunk: Buffer) => chunks.push(chunk))
  await writeContactRecords(Readable.from(records), { format, output })
  return Buffer.concat(chunks)
}

/** What import would do with each row of that file. */
async function imported(bytes: Buffer, format: TransferFormat): Promise<PlannedRow[]> {
  const read = format === 'csv' ? readCsvRows : readJsonlRows
  const planned: PlannedRow[] = []
  for await (const item of read(Readable.from([bytes])) as AsyncIterable<SourceItem>) {
    if (item.kind === 'row') planned.push(planRow(item.row, { match: 'id' }))
  }
  return planned
}

/** What an import sends back for a contact: its fields with a value (an empty one is left as it is). */
function expectedPlan(record: ContactRecord): Record<string, unknown> {
  const { id, createdAt: _created, updatedAt: _updated, ...fields } = record
  const values = Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== '' && !(Array.isArray(value) && value.length === 0)),
  ) as ContactValues
  return Object.keys(values).length === 0
    ? { action: 'skip', reason: 'nothing to change besides the id' }
    : { action: 'update', id, values }
}

describe.each(['csv', 'jsonl'] as const)('export → import, %s', (format) => {
  it('gives every contact back exactly: formulas neutralised and restored, quotes, commas and line breaks kept', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbitraryContactRecord, { minLength: 1, maxLength: 5 }), async (records) => {
        const rows = await imported(await exported(records, format), format)
        expect(rows).toEqual(
          records.map((record, index) => ({ row: index + (format === 'csv' ? 2 : 1), ...expectedPlan(record) })),
        )
      }),
      { numRuns: 200 },
    )
  })
})

it('leaves no CSV cell a spreadsheet would run as a formula', async () => {
  await fc.assert(
    fc.asyncProperty(arbitraryContactRecord, async (record) => {
      // The cells as a spreadsheet reads them, before import takes the quote off.
      const cells = parse(await exported([record], 'csv'), { relax_column_count: true }).flat() as string[]
      expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([])
    }),
    { numRuns: 200 },
  )
})
