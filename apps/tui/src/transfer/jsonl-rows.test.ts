import { Readable } from 'node:stream'
import { expect, it } from 'vitest'
import { readJsonlRows } from './jsonl-rows.js'

const read = async (text: string) => {
  const out = []
  for await (const item of readJsonlRows(Readable.from([Buffer.from(text)]))) {
    if (item.kind === 'row') out.push(item.row)
  }
  return out
}

it('reads one object per line with keys named like CSV headers, numbering rows by line', async () => {
  const rows = await read(
    '\uFEFF{"First Name":"Jane","price":450000,"tags":["VIP"],"nickname":"JJ","Favourite":null}\r\n\n[1]\n{"email":"x@y.z","E-mail":"a@b.c"}\nnot json\n',
  )
  expect(rows.map((row) => row.row)).toEqual([1, 2, 3, 4, 5])
  expect(rows[0]).toMatchObject({
    cells: [
      { column: 'firstName', header: 'First Name', value: 'Jane' },
      { column: 'price', value: 450000 },
      { column: 'tags', value: ['VIP'] },
    ],
    unknown: ['nickname'],
    problems: [],
  })
  expect(rows[1]).toEqual({ row: 2, cells: [], unknown: [], problems: [] })
  expect(rows[2]?.problems).toEqual([{ row: 3, value: '[1]', rule: 'must be a JSON object, not a list' }])
  expect(rows[3]?.problems).toEqual([{ row: 4, column: 'E-mail', rule: 'is the same field as "email" (email)' }])
  expect(rows[4]?.problems[0]?.rule).toMatch(/^is not JSON \(/)
})
