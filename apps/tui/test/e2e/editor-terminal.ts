import { afterEach, beforeEach } from 'vitest'
import { type LoopbackApi, type LoopbackOptions, useLoopbackApi } from './loopback-api.js'
import { createHome, type Home, startEditor, type Terminal } from './tmux.js'

/** The list's first frame with contacts in it (the seeded account has more than a page): the editor takes keys. */
export const LIST_READY = '1 of 50+'

export interface LaunchOptions {
  args?: string[]
  /** Set over the API's variables (and the file's own `env`). */
  env?: Record<string, string>
  /** With `CC_BASE_URL` and `CC_API_KEY` of the loopback API (the default), or without (`false`). */
  api?: boolean
  columns?: number
  rows?: number
  /** Every byte the editor writes to the terminal is also appended to this file. */
  record?: string
  /** What the screen shows once the terminal is handed over: the list by default, `false` not to wait. */
  waitFor?: string | RegExp | false
}

export interface EditorTerminal {
  readonly loopback: LoopbackApi
  /** The current test's home (a new one for each test). */
  home(): Home
  /** `CC_BASE_URL` and `CC_API_KEY` of the loopback API. */
  api(): Record<string, string>
  /** The built editor in a tmux pane, with the test's home; the pane is killed after the test. */
  launch(options?: LaunchOptions): Promise<Terminal>
}

/**
 * The editor in real terminals against the loopback API, for the tests of one file. Before each test the sandbox is
 * back to its seeded data and the test gets a home of its own; after it, every terminal it launched is killed and
 * faults are off. `launch` holds the file's defaults (`{ columns: 100, rows: 30 }`…), each launch may override them.
 */
export function useEditorTerminal(options: LoopbackOptions & { launch?: LaunchOptions } = {}): EditorTerminal {
  const { launch: defaults = {}, ...loopbackOptions } = options
  const loopback = useLoopbackApi(loopbackOptions)
  let home: Home | undefined
  const terminals: Terminal[] = []
  beforeEach(async () => {
    await loopback.sandbox.reset()
    home = createHome()
  })
  afterEach(() => {
    loopback.sandbox.setFaults(false)
    for (const terminal of terminals.splice(0)) terminal.kill()
  })

  const currentHome = (): Home => {
    if (!home) throw new Error('each test gets its home in beforeEach: use it inside tests')
    return home
  }
  const api = () => ({ CC_BASE_URL: loopback.sandbox.url, CC_API_KEY: loopback.sandbox.apiKey })

  return {
    loopback,
    home: currentHome,
    api,
    async launch(overrides = {}) {
      const { api: withApi = true, waitFor = LIST_READY, ...launch } = { ...defaults, ...overrides }
      const terminal = startEditor({
        ...launch,
        home: currentHome(),
        env: { ...(withApi ? api() : {}), ...defaults.env, ...overrides.env },
      })
      terminals.push(terminal)
      if (waitFor !== false) await terminal.waitFor(waitFor)
      return terminal
    },
  }
}
