import { type Key, useInput, usePaste, useStdin } from 'ink'
import { createContext, type ReactNode, useContext, useLayoutEffect, useRef } from 'react'

type KeyHandler = (input: string, key: Key) => void
type PasteHandler = (text: string) => void

interface Handlers {
  keys: KeyHandler[]
  paste: PasteHandler[]
}

const RouterContext = createContext<Handlers | undefined>(undefined)

/**
 * The one place that reads the keyboard: it stays subscribed for the whole run and hands each key
 * (and each paste) to the screen that registered last.
 *
 * Ink's own `useInput` subscribes in a passive effect, which runs only after the frame is on the
 * terminal: a key pressed the moment a new screen appears (the contacts list, right after connecting)
 * would reach nobody. Screens register here in a layout effect instead, in the same commit that
 * draws them, so the first key after a screen shows is always theirs. Raw mode also stays on while
 * screens swap.
 */
export function InputRouter({ children }: { children: ReactNode }) {
  const { isRawModeSupported } = useStdin()
  const handlers = useRef<Handlers>({ keys: [], paste: [] }).current
  useInput((input, key) => handlers.keys.at(-1)?.(input, key), { isActive: isRawModeSupported })
  usePaste((text) => handlers.paste.at(-1)?.(text), { isActive: isRawModeSupported })
  return <RouterContext.Provider value={handlers}>{children}</RouterContext.Provider>
}

function useRegistered<H extends (...args: never[]) => void>(
  kind: keyof Handlers,
  handler: H,
  isActive: boolean,
): void {
  const handlers = useContext(RouterContext)
  if (!handlers) throw new Error('useKeys and usePastedText need an <InputRouter> above them')
  const latest = useRef(handler)
  useLayoutEffect(() => {
    latest.current = handler
  })
  useLayoutEffect(() => {
    if (!isActive) return
    const list = handlers[kind] as unknown as H[]
    const forward = ((...args: Parameters<H>) => latest.current(...args)) as H
    list.push(forward)
    return () => {
      list.splice(list.indexOf(forward), 1)
    }
  }, [handlers, kind, isActive])
}

/** This screen's key handler, active from the commit that draws it (see `InputRouter`). */
export function useKeys(handler: KeyHandler, options: { isActive?: boolean } = {}): void {
  useRegistered('keys', handler, options.isActive ?? true)
}

/** This screen's paste handler (bracketed paste: the text arrives in one piece, never as keys). */
export function usePastedText(handler: PasteHandler, options: { isActive?: boolean } = {}): void {
  useRegistered('paste', handler, options.isActive ?? true)
}
