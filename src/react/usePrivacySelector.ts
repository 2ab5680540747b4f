import type { PrivacyState } from '../core/types'
import { usePrivacyStore, useRefAlias as useRef, useStoreAlias as useSyncExternalStore } from './context'

interface Selection<S> {
  state: PrivacyState
  selector: (state: PrivacyState) => S
  slice: S
}

/** Re-renders only when the selected slice changes (by `isEqual`, default `Object.is`). */
export function usePrivacySelector<S>(
  selector: (state: PrivacyState) => S,
  isEqual?: (a: S, b: S) => boolean,
): S {
  const store = usePrivacyStore('usePrivacySelector')
  const last = useRef<Selection<S>>()
  const getSlice = (): S => {
    const state = store.getState()
    const previous = last.current
    if (previous && previous.state === state && previous.selector === selector) return previous.slice
    const next = selector(state)
    const slice = previous && (isEqual || Object.is)(previous.slice, next) ? previous.slice : next
    last.current = { state, selector, slice }
    return slice
  }
  return useSyncExternalStore(store.subscribe, getSlice, getSlice)
}
