import { useCallback, useEffect, useRef, useState } from 'react'
import type { ToastMessage } from '../ui/components/StatusLine.js'

/** A toast that clears itself: a few seconds for news, longer for errors. */
export function useToast(): [ToastMessage | undefined, (toast: ToastMessage | undefined) => void] {
  const [toast, setToast] = useState<ToastMessage>()
  const timer = useRef<NodeJS.Timeout>(undefined)
  const show = useCallback((next: ToastMessage | undefined) => {
    if (timer.current) clearTimeout(timer.current)
    setToast(next)
    if (next) timer.current = setTimeout(() => setToast(undefined), next.kind === 'error' ? 10_000 : 5_000)
  }, [])
  useEffect(() => () => clearTimeout(timer.current), [])
  return [toast, show]
}
