import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cleanMultiline } from '../text/sanitize.js'

/**
 * Lines starting with this are our notes in the file; they are removed when it is read back. Random per run, so
 * that no text of the person's own (a line starting with `# cc-tui:`, say) can ever be taken for a note.
 */
const COMMENT_PREFIX = `# cc-tui ${randomBytes(3).toString('hex')}: `

/** Secrets the editor holds that the person's editor (and whatever it runs) has no business with. */
const WITHHELD = ['CC_API_KEY']

/** Temporary directories of edits under way: removed on the way out, signals and crashes included. */
const liveDirs = new Set<string>()
process.on('exit', () => {
  for (const dir of liveDirs) rmSync(dir, { recursive: true, force: true })
})

export type ExternalEditResult =
  | { kind: 'edited'; text: string }
  | { kind: 'unchanged' }
  | { kind: 'failed'; message: string }

export interface ExternalEditOptions {
  label: string
  maxLength: number
  /** The temporary file's name, which editors show (`background.txt`). */
  fileName: string
  env?: NodeJS.ProcessEnv
  /** Hands the terminal to the callback and takes it back (Ink's `suspendTerminal`). */
  suspend: (run: () => Promise<void>) => Promise<void>
}

/** `$VISUAL`, then `$EDITOR`, then `vi`, as git and most tools pick them. */
function editorCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.VISUAL?.trim() || env.EDITOR?.trim() || 'vi'
}

/** The file content for one round: our notes first (each line prefixed), then the text. */
function composeFile(text: string, notes: readonly string[]): string {
  const header = notes.map((note) => `${COMMENT_PREFIX}${note}\n`).join('')
  return `${header}${text}${text.endsWith('\n') || text === '' ? '' : '\n'}`
}

/** Back from the file: our notes removed, line endings normalised, the one final newline editors add dropped. */
function readBack(content: string): string {
  const lines = cleanMultiline(content).split('\n')
  const kept = lines.filter((line) => !line.startsWith(COMMENT_PREFIX.trimEnd()))
  return kept.join('\n').replace(/\n$/, '')
}

/** The environment the editor runs in: the editor's own, without its secrets. */
function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !WITHHELD.includes(name)))
}

function run(command: string, file: string, env: NodeJS.ProcessEnv): Promise<number | null> {
  return new Promise((resolve, reject) => {
    // Through the shell, like git: $EDITOR may carry arguments ("code --wait"). The file is the shell's "$1",
    // never spliced into the command: whatever its path holds stays one argument.
    const child =
      process.platform === 'win32'
        ? // cmd.exe has no "$1"; a Windows path cannot hold a double quote, so the quoted path stays one argument.
          spawn(`${command} "${file}"`, { shell: true, stdio: 'inherit', env: childEnv(env) })
        : spawn('/bin/sh', ['-c', `${command} "$1"`, 'sh', file], { stdio: 'inherit', env: childEnv(env) })
    child.on('error', reject)
    child.on('exit', (code) => resolve(code))
  })
}

/**
 * Edit text in the person's editor. While the text is over the limit the file is reopened with the
 * problem as comment lines at the top; saving it unchanged takes it anyway (the field then shows
 * the error, and nothing is lost). A failing editor keeps the old text.
 */
export async function editExternally(initial: string, options: ExternalEditOptions): Promise<ExternalEditResult> {
  const env = options.env ?? process.env
  const command = editorCommand(env)
  const dir = mkdtempSync(join(tmpdir(), 'cc-tui-'))
  liveDirs.add(dir)
  const file = join(dir, options.fileName)
  try {
    let text = initial
    let notes: string[] = [
      `Edit the ${options.label.toLowerCase()} below, then save and quit. Lines starting with "${COMMENT_PREFIX.trimEnd()}" are ignored.`,
    ]
    for (;;) {
      const before = composeFile(text, notes)
      writeFileSync(file, before, { mode: 0o600 })
      let code: number | null = null
      let spawnError: Error | undefined
      await options.suspend(async () => {
        try {
          code = await run(command, file, env)
        } catch (error) {
          spawnError = error as Error
        }
      })
      if (spawnError) return { kind: 'failed', message: `Could not start "${command}": ${spawnError.message}` }
      if (code !== 0)
        return { kind: 'failed', message: `"${command}" exited with code ${String(code)}; the text is unchanged.` }
      const after = readFileSync(file, 'utf8')
      // Editors end the file with a newline; keep the text's own final newline, add none.
      const edited = readBack(after) + (initial.endsWith('\n') ? '\n' : '')
      const overLimit = edited.length > options.maxLength
      if (!overLimit || after === before) {
        return edited === initial ? { kind: 'unchanged' } : { kind: 'edited', text: edited }
      }
      text = edited
      notes = [
        `${options.label}: must be at most ${options.maxLength} characters (you have ${edited.length}).`,
        'Shorten it, then save and quit. Saving without changes keeps it as it is, marked as an error.',
      ]
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
    liveDirs.delete(dir)
  }
}
