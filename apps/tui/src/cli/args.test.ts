import { describe, expect, it } from 'vitest'
import { parseCommandLine, USAGE } from './args.js'

describe('parseCommandLine', () => {
  it('reads the script commands and their options', () => {
    expect(parseCommandLine(['create', 'firstName=Jane', '--json'])).toMatchObject({
      command: 'create',
      rest: ['firstName=Jane'],
      json: true,
    })
    expect(parseCommandLine(['delete', 'abcdefgh12', '--permanent', '-y'])).toMatchObject({
      command: 'delete',
      permanent: true,
      yes: true,
    })
    expect(parseCommandLine(['log', 'abcdefgh12', '--type', 'call', '--direction', 'outbound', '-'])).toMatchObject({
      command: 'log',
      rest: ['abcdefgh12', '-'],
      type: 'call',
      direction: 'outbound',
    })
    expect(parseCommandLine(['export', '--format', 'jsonl', '--out', 'all.jsonl'])).toMatchObject({
      command: 'export',
      format: 'jsonl',
      out: 'all.jsonl',
    })
    expect(
      parseCommandLine(['import', 'a.csv', '--dry-run', '--match', 'email', '--concurrency', '4', '--restart']),
    ).toMatchObject({
      command: 'import',
      rest: ['a.csv'],
      dryRun: true,
      match: 'email',
      concurrency: '4',
      restart: true,
    })
  })

  it.each([
    [['import'], 'import needs a file: cc-tui import contacts.csv --dry-run'],
    [['import', 'a.csv', 'b.csv'], 'import takes one file'],
    [['import', 'a.csv', '--match', 'name'], '--match must be id or email (you gave "name")'],
    [['export', '--format', 'xlsx'], '--format must be csv or jsonl (you gave "xlsx")'],
    [['export', 'extra'], 'export takes no arguments (got "extra")'],
    [['delete'], 'delete needs a contact id: cc-tui delete <id> --yes'],
    [['create'], 'create needs at least one field=value: cc-tui create firstName=Jane email=jane@example.com'],
    [['log', 'abcdefgh12', 'text', '-'], 'log takes "-" alone, to read the text from stdin'],
    [['get', 'abcdefgh12', '--permanent'], '--permanent is for delete, not get'],
    [['set', 'abcdefgh12', 'city=X', '--yes'], '--yes is for delete, import, not set'],
    [['--dry-run'], '--dry-run is for import, not the editor'],
    [
      ['frobnicate'],
      'Unknown command "frobnicate". Commands: get, set, create, delete, log, export, import, login, logout.',
    ],
  ])('%j: %s', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(message)
  })

  it('refuses --api-key in any form, without echoing the key, and says where a key comes from', () => {
    for (const argv of [
      ['--api-key', 'ccmd_live_secret_1'],
      ['get', 'abcdefgh12', '--api-key=ccmd_live_secret_1'],
      ['login', '--api-key', 'ccmd_live_secret_1'],
    ]) {
      expect(() => parseCommandLine(argv)).toThrow(/--api-key is not accepted: .*CC_API_KEY.*cc-tui login < keyfile/)
      expect(() => parseCommandLine(argv)).not.toThrow(/ccmd_live_secret_1/)
    }
    // After `--` it is text, not an option.
    expect(parseCommandLine(['log', 'abcdefgh12', '--', '--api-key'])).toMatchObject({
      rest: ['abcdefgh12', '--api-key'],
    })
    expect(USAGE).not.toContain('--api-key')
  })

  it('documents every command and --match in the help', () => {
    for (const text of [
      'cc-tui create',
      'cc-tui delete',
      'cc-tui log',
      'cc-tui export',
      'cc-tui import',
      '--match <how>',
    ]) {
      expect(USAGE).toContain(text)
    }
  })
})
