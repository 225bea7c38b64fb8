import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { MAX_RECORD_BYTES, readCsvRows } from './csv-rows.js'
import { SourceFileError, type SourceItem } from './source-rows.js'

const read = async (text: string | Buffer): Promise<SourceItem[]> => {
  const items: SourceItem[] = []
  for await (const item of readCsvRows(Readable.from([typeof text === 'string' ? Buffer.from(text) : text]))) {
    items.push(item)
  }
  return items
}

/** Each row as `{ row, cells: { column: value } }`. */
const rows = (items: SourceItem[]) =>
  items.flatMap((item) =>
    item.kind === 'row'
      ? [
          {
            row: item.row.row,
            cells: Object.fromEntries(item.row.cells.map((cell) => [cell.column, cell.value])),
            problems: item.row.problems.map((problem) => problem.rule),
          },
        ]
      : [],
  )

describe('readCsvRows', () => {
  it('reads a BOM, CRLF, quoted commas, quotes and line breaks, and numbers rows as a spreadsheet does', async () => {
    const text =
      '\uFEFFFirst Name,E-mail,Background\r\nJane,jane@example.com,"Likes ""quiet"", big\r\nwindows"\r\n\r\nBob,bob@example.com,x\r\n'
    const items = await read(text)
    expect(items[0]).toMatchObject({ kind: 'header', header: { columns: ['firstName', 'email', 'background'] } })
    expect(rows(items)).toEqual([
      {
        row: 2,
        cells: { firstName: 'Jane', email: 'jane@example.com', background: 'Likes "quiet", big\r\nwindows' },
        problems: [],
      },
      { row: 3, cells: { firstName: '' }, problems: [] },
      { row: 4, cells: { firstName: 'Bob', email: 'bob@example.com', background: 'x' }, problems: [] },
    ])
  })

  it('reads LF files and a last line without a line break', async () => {
    expect(rows(await read('id,city\nabcdefgh1,Austin\nabcdefgh2,Dallas'))).toEqual([
      { row: 2, cells: { id: 'abcdefgh1', city: 'Austin' }, problems: [] },
      { row: 3, cells: { id: 'abcdefgh2', city: 'Dallas' }, problems: [] },
    ])
  })

  it('takes one leading quote off each cell (what export adds before a formula)', async () => {
    expect(rows(await read(`phone,city\n'+15551234567,''Quoted\n`))[0]?.cells).toEqual({
      phone: '+15551234567',
      city: "'Quoted",
    })
  })

  it('reports a value past the last column, or under an empty header; a short row is fine', async () => {
    expect(rows(await read('city,,state\nAustin,x,TX,more\nDallas\n'))).toEqual([
      {
        row: 2,
        cells: { city: 'Austin', state: 'TX' },
        problems: ['column 2 has a value but no header', 'has 4 cells, the header has 3'],
      },
      { row: 3, cells: { city: 'Dallas' }, problems: [] },
    ])
  })

  it('stops with the line of an unclosed quote', async () => {
    const error = await read('city\nAustin\n"Dallas\nTX\n').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(SourceFileError)
    expect((error as Error).message).toMatch(/^line \d+: .*quote/i)
  })

  it('bounds a record (a stray quote cannot swallow the file into memory)', async () => {
    const error = await read(`city\n"${'x'.repeat(MAX_RECORD_BYTES + 10)}\n`).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(SourceFileError)
  })

  it('refuses an empty file', async () => {
    await expect(read('')).rejects.toThrow('the file is empty: a CSV needs a header row')
  })
})
