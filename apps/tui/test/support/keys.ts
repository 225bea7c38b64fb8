import type { Key } from 'ink'
import { toKeyPresses } from '../../src/keys/keypress.js'

/** Ink's key flags, all off. */
export const noKey: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
}
export const key = (over: Partial<Key>): Key => ({ ...noKey, ...over })
/** The single key press Ink's (input, key) turns into. */
export const one = (input: string, over: Partial<Key> = {}) => {
  const [press, ...rest] = toKeyPresses(input, key(over))
  if (!press || rest.length > 0) throw new Error(`expected one key press for ${JSON.stringify(input)}`)
  return press
}
