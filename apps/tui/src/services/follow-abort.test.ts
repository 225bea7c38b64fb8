import { getEventListeners } from 'node:events'
import { describe, expect, it } from 'vitest'
import { followAbort } from './follow-abort.js'

describe('followAbort', () => {
  it('aborts the child with the parent, with the parent’s reason', () => {
    const parent = new AbortController()
    const child = new AbortController()
    followAbort(parent.signal, child)
    expect(child.signal.aborted).toBe(false)
    parent.abort(new Error('editor closed'))
    expect(child.signal.aborted).toBe(true)
    expect((child.signal.reason as Error).message).toBe('editor closed')
  })

  it('aborts the child at once when the parent is aborted already', () => {
    const parent = new AbortController()
    parent.abort('gone')
    const child = new AbortController()
    const letGo = followAbort(parent.signal, child)
    expect(child.signal.reason).toBe('gone')
    letGo()
  })

  it('once let go, leaves nothing on the parent and no longer follows it', () => {
    const parent = new AbortController()
    const children = Array.from({ length: 1000 }, () => new AbortController())
    const letGos = children.map((child) => followAbort(parent.signal, child))
    expect(getEventListeners(parent.signal, 'abort')).toHaveLength(1000)
    for (const letGo of letGos) letGo()
    expect(getEventListeners(parent.signal, 'abort')).toHaveLength(0)
    parent.abort()
    expect(children.some((child) => child.signal.aborted)).toBe(false)
  })
})
