import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The built editor; `CC_TUI_CLI` points the suites at another build (an older one, to see a new test fail there). */
export const CLI = process.env.CC_TUI_CLI ?? fileURLToPath(new URL('../../dist/cli.js', import.meta.url))

/** One tmux server per test file, on its own socket: nothing touches the person's own tmux. */
const SOCKET = `cc-tui-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' })
}

/** The first child process of `pid`, from /proc (Linux). */
function childOf(pid: number): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      // Fields after the command name (which may hold spaces, inside parentheses): state, ppid, …
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid === pid) return Number(entry)
    } catch {
      // The process ended while we looked.
    }
  }
  return undefined
}

export function killServer(): void {
  try {
    tmux('kill-server')
  } catch {
    // No server was started.
  }
  // tmux leaves the socket file behind.
  const uid = process.getuid?.() ?? 0
  rmSync(join(process.env.TMUX_TMPDIR ?? '/tmp', `tmux-${uid}`, SOCKET), { force: true })
}

/** A home of its own for one run of the editor: config, data (the sandbox) and state (drafts). */
export interface Home {
  dir: string
  env: Record<string, string>
  draftsFile: string
}

export function createHome(): Home {
  const dir = mkdtempSync(join(tmpdir(), 'cc-tui-e2e-'))
  const env = {
    HOME: dir,
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_STATE_HOME: join(dir, 'state'),
  }
  for (const path of Object.values(env)) mkdirSync(path, { recursive: true })
  return { dir, env, draftsFile: join(env.XDG_STATE_HOME, 'cc-tui', 'drafts.json') }
}

const quote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`

export interface Terminal {
  name: string
  screen(): string
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>
  /** The editor's exit status (128 + n after signal n). */
  waitForExit(timeoutMs?: number): Promise<number>
  /** tmux key names: 'Enter', 'Escape', 'Tab', 'BTab', 'Up', 'C-s' … */
  keys(...keys: string[]): void
  /** Literal text. */
  type(text: string): void
  /** Text pasted as a terminal pastes it: bracketed when the program asked for that (Ink does). */
  paste(text: string): void
  resize(columns: number, rows: number): void
  /** The pane's title, as the program in it set it (OSC 0/2). */
  title(): string
  /** tmux's paste buffers: a program's OSC 52 clipboard write lands here (`set-clipboard on`). */
  buffers(): string
  pid(): number
  kill(): void
}

let count = 0

/**
 * Start the built editor in a real terminal (a detached tmux pane of the given size). The child
 * gets CI=false (Ink draws nothing live when CI is set), a fixed TERM, no NO_COLOR, and its own home.
 */
export function startEditor(options: {
  home: Home
  args?: string[]
  env?: Record<string, string>
  columns?: number
  rows?: number
  /** Every byte the program writes to the terminal is also appended to this file, from its first one. */
  record?: string
}): Terminal {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (pnpm exec turbo run build --filter=@cc/tui)`)
  const name = `t${++count}`
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    CI: 'false',
    ...options.home.env,
    ...options.env,
  }
  const assignments = Object.entries(env).map(([key, value]) => `${key}=${quote(value)}`)
  // A shell runs the editor with exactly this environment, then prints how it ended and stays, so
  // the line can be read (tmux may blank a dead pane; afterEach kills the session).
  const run = `env -i ${assignments.join(' ')} ${quote(process.execPath)} ${quote(CLI)} ${(options.args ?? []).map(quote).join(' ')}; echo "[cc-tui exited with $?]"; exec sleep 600`
  // Recording: the program starts once the recorder has created its file, so no byte is missed.
  const command = options.record ? `until [ -e ${quote(options.record)} ]; do sleep 0.02; done; ${run}` : run
  // The server stays up between tests (`exit-empty off`): otherwise killing the last session ends it, and a session
  // started while it is still exiting fails with "server exited unexpectedly". afterAll kills it (`killServer`).
  tmux(
    'new-session',
    '-d',
    '-s',
    name,
    '-x',
    String(options.columns ?? 80),
    '-y',
    String(options.rows ?? 24),
    command,
    ';',
    'set-option',
    '-g',
    'exit-empty',
    'off',
  )
  if (options.record) {
    // A program may set tmux's clipboard (and so its paste buffers) with OSC 52: let it, to see that it does not.
    tmux('set-option', '-g', 'set-clipboard', 'on')
    tmux('pipe-pane', '-O', '-t', name, `cat >> ${quote(options.record)}`)
  }
  const screen = () => tmux('capture-pane', '-p', '-t', name)
  const terminal: Terminal = {
    name,
    screen,
    async waitFor(text, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const current = screen()
        if (typeof text === 'string' ? current.includes(text) : text.test(current)) return current
        if (Date.now() > deadline)
          throw new Error(`Timed out waiting for ${String(text)} in ${name}. Screen:\n${current}`)
        await new Promise((resolve) => setTimeout(resolve, 40))
      }
    },
    async waitForExit(timeoutMs = 10_000) {
      const screen = await terminal.waitFor(/\[cc-tui exited with \d+\]/, timeoutMs)
      return Number(/\[cc-tui exited with (\d+)\]/.exec(screen)?.[1])
    },
    keys(...keys) {
      for (const key of keys) tmux('send-keys', '-t', name, key)
    },
    type(text) {
      tmux('send-keys', '-t', name, '-l', text)
    },
    paste(text) {
      tmux('set-buffer', '-b', `paste-${name}`, text)
      tmux('paste-buffer', '-p', '-d', '-b', `paste-${name}`, '-t', name)
    },
    resize(columns, rows) {
      tmux('resize-window', '-t', name, '-x', String(columns), '-y', String(rows))
    },
    title() {
      return tmux('display-message', '-p', '-t', name, '#{pane_title}').trim()
    },
    buffers() {
      return tmux('list-buffers')
    },
    pid() {
      const shell = Number(tmux('display-message', '-p', '-t', name, '#{pane_pid}').trim())
      const child = childOf(shell)
      if (child === undefined) throw new Error(`no editor process under the shell ${shell}`)
      return child
    },
    kill() {
      try {
        tmux('kill-session', '-t', name)
      } catch {
        // Already gone.
      }
    },
  }
  return terminal
}
