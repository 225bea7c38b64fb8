import { type Dispatch, type RefObject, useCallback, useReducer, useRef, useState } from 'react'

/**
 * `useReducer` whose latest state is also readable at once through a ref. Several keys can arrive
 * in one burst; each must see the state the previous one left, not the state of the last render.
 */
export function useLiveReducer<S, A>(reducer: (state: S, action: A) => S, initial: S): [S, Dispatch<A>, RefObject<S>] {
  const [state, dispatch] = useReducer(reducer, initial)
  const ref = useRef(state)
  const live = useCallback(
    (action: A) => {
      ref.current = reducer(ref.current, action)
      dispatch(action)
    },
    [reducer],
  )
  return [state, live, ref]
}

/** `useState` with the same immediately readable ref. */
export function useLiveState<S>(initial: S): [S, (next: S | ((previous: S) => S)) => void, RefObject<S>] {
  const [state, setState] = useState(initial)
  const ref = useRef(state)
  const set = useCallback((next: S | ((previous: S) => S)) => {
    ref.current = typeof next === 'function' ? (next as (previous: S) => S)(ref.current) : next
    setState(ref.current)
  }, [])
  return [state, set, ref]
}
