import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { keyTableMarkdown } from '../src/keys/format.js'

/** Markdown tables may be padded for reading (the formatter does that): compare cells, not spaces. */
const cells = (markdown: string) =>
  markdown
    .split('\n')
    .map((line) =>
      line.startsWith('|')
        ? line
            .split(/(?<!\\)\|/)
            .map((cell) => cell.trim().replace(/^-+$/, '---'))
            .join('|')
        : line.trim(),
    )
    .join('\n')

it('documents exactly the keys of the keymap in README.md', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  const table = readme.match(/<!-- keys:start -->\n([\s\S]*?)\n<!-- keys:end -->/)?.[1]
  expect(table, 'README.md needs a <!-- keys:start --> … <!-- keys:end --> section').toBeDefined()
  // To update: paste the output of keyTableMarkdown() between the markers.
  expect(cells(table ?? '')).toBe(cells(keyTableMarkdown()))
})
