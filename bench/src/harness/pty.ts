import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { stripVTControlCharacters } from 'node:util'

/** `script` from util-linux runs a command on a new pseudo-terminal and relays it through pipes. */
export function ptyAvailable(): string | undefined {
  const probe = spawnSync('script', ['--version'], { encoding: 'utf8' })
  return probe.status === 0 ? undefined : '`script` (util-linux) is not installed, so there is no terminal to run in'
}

const quote = (arg: string) => `'${arg.replaceAll("'", `'\\''`)}'`

export interface PtyOptions {
  cols: number
  rows: number
  env: NodeJS.ProcessEnv
  cwd?: string
}

/**
 * Output kept, in characters: a long session (scrolling through 100 000 contacts writes tens of megabytes) keeps only
 * its last megabyte or two, and never copies the whole of it per chunk.
 */
const KEPT_CHARS = 1_000_000

/**
 * A program on a real terminal (a pty of `cols`×`rows`), its output timestamped as it arrives. Keys go in through
 * `write`; `waitFor` resolves with the time the text it waits for first showed on the terminal.
 */
export class PtyProcess {
  readonly startedAt: number
  readonly #child: ChildProcess
  readonly #exit: Promise<unknown[]>
  /** The output as it came, in chunks: the last `KEPT_CHARS` or so; `#dropped` characters before them let go. */
  #chunks: string[] = []
  #kept = 0
  #dropped = 0
  #waiters: Array<() => boolean> = []

  constructor(command: readonly string[], options: PtyOptions) {
    const line = `stty cols ${options.cols} rows ${options.rows}; exec ${command.map(quote).join(' ')}`
    this.startedAt = performance.now()
    this.#child = spawn('script', ['--quiet', '--flush', '--return', '--command', line, '/dev/null'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: options.env,
      ...(options.cwd ? { cwd: options.cwd } : {}),
    })
    this.#exit = once(this.#child, 'exit')
    this.#child.stdout?.setEncoding('utf8')
    this.#child.stdout?.on('data', (chunk: string) => {
      this.#append(chunk)
      for (const waiter of this.#waiters) waiter()
    })
  }

  #append(chunk: string): void {
    this.#chunks.push(chunk)
    this.#kept += chunk.length
    if (this.#kept <= 2 * KEPT_CHARS) return
    let drop = 0
    let chars = 0
    while (this.#kept - chars > KEPT_CHARS && drop < this.#chunks.length - 1) {
      chars += (this.#chunks[drop] as string).length
      drop++
    }
    this.#chunks.splice(0, drop)
    this.#kept -= chars
    this.#dropped += chars
  }

  /** The raw output from position `from` on (what was let go of before it excluded). */
  #since(from: number): string {
    let start = this.#dropped + this.#kept
    let i = this.#chunks.length
    while (i > 0 && start > from) {
      i--
      start -= (this.#chunks[i] as string).length
    }
    const first = this.#chunks[i] ?? ''
    return first.slice(Math.max(0, from - start)) + this.#chunks.slice(i + 1).join('')
  }

  /** The pid of `script`; the program itself is its child (see `proc.ts`). */
  get pid(): number | undefined {
    return this.#child.pid
  }

  /** Everything shown so far (of a long session, its last megabyte or two), escape sequences removed. */
  get text(): string {
    return stripVTControlCharacters(this.#chunks.join(''))
  }

  /** A position in the output: `waitFor` can look only at what comes after it. */
  mark(): number {
    return this.#dropped + this.#kept
  }

  write(keys: string): void {
    this.#child.stdin?.write(keys)
  }

  /**
   * Resolves with `performance.now()` of the output chunk that made `test` true for the screen text written since
   * `from`; rejects after `timeoutMs`, or when the program exits first.
   */
  waitFor(test: (text: string) => boolean, from: number, timeoutMs: number, what: string): Promise<number> {
    const failure = (why: string) => new Error(`${what}: ${why}. The screen ends with:\n${this.text.slice(-600)}`)
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined
      const cleanup = () => {
        clearTimeout(timer)
        this.#waiters = this.#waiters.filter((waiter) => waiter !== check)
        this.#child.off('exit', onExit)
      }
      const check = () => {
        if (!test(stripVTControlCharacters(this.#since(from)))) return false
        cleanup()
        resolve(performance.now())
        return true
      }
      const onExit = () => {
        cleanup()
        reject(failure('the program exited first'))
      }
      if (check()) return
      timer = setTimeout(() => {
        cleanup()
        reject(failure(`not on the terminal after ${timeoutMs} ms`))
      }, timeoutMs)
      this.#waiters.push(check)
      this.#child.once('exit', onExit)
    })
  }

  /** Resolves with the time the program exited. */
  async exited(): Promise<number> {
    await this.#exit
    return performance.now()
  }

  /** Ends the program (SIGTERM, then SIGKILL) and waits for it. */
  async stop(): Promise<void> {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return
    this.#child.kill('SIGTERM')
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), 3_000)
    await this.#exit
    clearTimeout(timer)
  }
}
