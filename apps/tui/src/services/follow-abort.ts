/**
 * Aborts `controller` when `parent` aborts, until the returned function lets go. Used instead of `AbortSignal.any`
 * where `parent` lives long (the session's signal lives as long as the editor): Node keeps every any-signal that had
 * a listener alive as long as its sources, so one per lookup or per opened contact would pile up for the whole day.
 */
export function followAbort(parent: AbortSignal, controller: AbortController): () => void {
  if (parent.aborted) {
    controller.abort(parent.reason)
    return () => {}
  }
  const onAbort = () => controller.abort(parent.reason)
  parent.addEventListener('abort', onAbort, { once: true })
  return () => parent.removeEventListener('abort', onAbort)
}
