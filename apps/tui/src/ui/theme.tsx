import { createContext, type ReactNode, useContext } from 'react'

/** What a colour means, not which colour: the no-colour theme maps every role to nothing. */
export type Role = 'accent' | 'muted' | 'error' | 'warning' | 'success' | 'sandbox' | 'changed'

export interface Theme {
  color(role: Role): string | undefined
  /** Linear, screen-reader-friendly output (INK_SCREEN_READER). */
  linear: boolean
}

const palette: Record<Role, string> = {
  accent: 'cyan',
  muted: 'gray',
  error: 'red',
  warning: 'yellow',
  success: 'green',
  sandbox: 'magenta',
  changed: 'yellow',
}

export function createTheme(options: { color: boolean; linear?: boolean }): Theme {
  return {
    color: (role) => (options.color ? palette[role] : undefined),
    linear: options.linear ?? false,
  }
}

/** NO_COLOR (any non-empty value, no-color.org) and `--no-color` turn colour off; Ink itself ignores NO_COLOR. */
export function wantsColor(env: NodeJS.ProcessEnv, flag?: boolean): boolean {
  if (flag === false) return false
  return !env.NO_COLOR
}

const ThemeContext = createContext<Theme>(createTheme({ color: true }))

export function ThemeProvider({ theme, children }: { theme: Theme; children: ReactNode }) {
  return <ThemeContext.Provider value={theme}>{children}</ThemeContext.Provider>
}

export function useTheme(): Theme {
  return useContext(ThemeContext)
}
