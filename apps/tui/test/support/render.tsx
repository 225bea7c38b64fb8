import { EventEmitter } from 'node:events'
import { stripVTControlCharacters } from 'node:util'
import { render as inkRender } from 'ink'
import type { ReactElement } from 'react'
import { InputRouter } from '../../src/input/input-router.js'
import { createTheme, ThemeProvider } from '../../src/ui/theme.js'

/** A terminal-sized stdout that keeps every frame and can be resized. */
class FakeStdout extends EventEmitter {
  columns: number
  rows: number
  frames: string[] = []
  constructor(columns: number, rows: number) {
    super()
    this.columns = columns
    this.rows = rows
  }
  write = (frame: string, callback?: () => void) => {
    // Ink's last writes on exit (a newline, an empty write it waits on) are no frame.
    if (frame !== '' && frame !== '\n') this.frames.push(frame)
    callback?.()
    return true
  }
}

/** A stdin that Ink can put in raw mode and read from, like ink-testing-library's. */
class FakeStdin extends EventEmitter {
  isTTY = true
  #data: string | null = null
  write(data: string) {
    this.#data = data
    this.emit('readable')
  }
  read = () => {
    const data = this.#data
    this.#data = null
    return data
  }
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

export interface Harness {
  /** The last frame as plain text. */
  frame(): string
  /** Every frame so far, raw (with escape codes). */
  rawFrames(): string[]
  /** Send keys (raw bytes, e.g. '\r', '\u0013' for Ctrl+S, '\u001b[B' for ↓). */
  keys(...sequences: string[]): Promise<void>
  /** Type text one character at a time. */
  type(text: string): Promise<void>
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>
  resize(columns: number, rows: number): void
  /** Whether the app has exited (quit). */
  exited(): boolean
  unmount(): void
}

export const KEY = {
  enter: '\r',
  esc: '\u001b',
  tab: '\t',
  shiftTab: '\u001b[Z',
  up: '\u001b[A',
  down: '\u001b[B',
  left: '\u001b[D',
  right: '\u001b[C',
  backspace: '\u007f',
  ctrl: (letter: string) => String.fromCharCode(letter.toLowerCase().charCodeAt(0) - 96),
  paste: (text: string) => `\u001b[200~${text}\u001b[201~`,
} as const

const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

export function renderApp(
  element: ReactElement,
  options: { columns?: number; rows?: number; color?: boolean; linear?: boolean } = {},
): Harness {
  const stdout = new FakeStdout(options.columns ?? 80, options.rows ?? 24)
  const stdin = new FakeStdin()
  const theme = createTheme({ color: options.color ?? true, linear: options.linear ?? false })
  const instance = inkRender(
    <ThemeProvider theme={theme}>
      <InputRouter>{element}</InputRouter>
    </ThemeProvider>,
    {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stderr: new FakeStdout(80, 24) as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  )
  const frame = () => stripVTControlCharacters(stdout.frames.at(-1) ?? '')
  let exited = false
  void instance.waitUntilExit().then(
    () => {
      exited = true
    },
    () => {
      exited = true
    },
  )
  const harness: Harness = {
    frame,
    rawFrames: () => stdout.frames,
    async keys(...sequences) {
      for (const sequence of sequences) {
        stdin.write(sequence)
        // A lone Esc is held for 20 ms in case it starts a sequence.
        await new Promise((resolve) => setTimeout(resolve, sequence === KEY.esc ? 40 : 10))
      }
    },
    async type(text) {
      for (const ch of text) await harness.keys(ch)
    },
    async waitFor(text, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const current = frame()
        if (typeof text === 'string' ? current.includes(text) : text.test(current)) return current
        if (Date.now() > deadline) throw new Error(`Timed out waiting for ${String(text)}. Last frame:\n${current}`)
        await tick()
      }
    },
    resize(columns, rows) {
      stdout.columns = columns
      stdout.rows = rows
      stdout.emit('resize')
    },
    exited: () => exited,
    unmount() {
      instance.unmount()
      instance.cleanup()
    },
  }
  return harness
}
