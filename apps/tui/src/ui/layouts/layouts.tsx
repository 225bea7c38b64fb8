import type { ReactNode } from 'react'
import { Frame, type FrameProps } from './Frame.js'

/** A screen's views: the full-screen one, and a linear one where sentences read better than columns. */
export interface ScreenViews<P> {
  View(props: P): ReactNode
  LinearView?(props: P): ReactNode
}

export interface LayoutProps<P> {
  frame: Omit<FrameProps, 'children'>
  screen: ScreenViews<P>
  props: P
}

/** The full-screen editor (alternate screen): tables, boxes and columns. */
export function FullScreenLayout<P extends object>({ frame, screen, props }: LayoutProps<P>) {
  const { View } = screen
  return (
    <Frame {...frame}>
      <View {...props} />
    </Frame>
  )
}

/** The linear layout (INK_SCREEN_READER=true): each screen as sentences where it has them, on the normal screen. */
export function LinearLayout<P extends object>({ frame, screen, props }: LayoutProps<P>) {
  const View = screen.LinearView ?? screen.View
  return (
    <Frame {...frame}>
      <View {...props} />
    </Frame>
  )
}
