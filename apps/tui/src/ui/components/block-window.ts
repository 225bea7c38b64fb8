import { scrollTop } from './MultilineBox.js'

/** A block of rows on a scrolled screen: a heading, or an item such as a field with its messages. */
export interface Block {
  rows: number
  heading: boolean
}

/**
 * The blocks to draw in `height` rows: scrolled by whole blocks so the focused one, and the heading
 * just above it, stay in view, and moved no more than needed since the last frame (`previousTop`).
 */
export function blockWindow<B extends Block>(
  blocks: readonly B[],
  focus: number,
  previousTop: number,
  height: number,
): { top: number; visible: B[] } {
  const starts: number[] = []
  let total = 0
  for (const block of blocks) {
    starts.push(total)
    total += block.rows
  }
  const focusStart = (starts[focus] ?? 0) - ((blocks[focus - 1]?.heading ?? true) ? 1 : 0)
  const focusEnd = (starts[focus] ?? 0) + (blocks[focus]?.rows ?? 1)
  let top = scrollTop(previousTop, Math.max(0, focusStart), height, total)
  if (focusEnd > top + height) top = Math.max(0, focusEnd - height)
  const visible = blocks.filter((block, i) => (starts[i] ?? 0) >= top && (starts[i] ?? 0) + block.rows <= top + height)
  // A heading whose items are all below the window would only be noise.
  if (visible.at(-1)?.heading) visible.pop()
  return { top, visible }
}
