import { computed, onScopeDispose, shallowRef, type ComputedRef } from 'vue'
import type { PrivacyState } from '../core/types'
import { injectStore } from './context'

/**
 * A computed ref of one slice of the state; it changes only when the slice does (by `isEqual`,
 * default `Object.is`). The selector may read other refs too: it runs again when they change.
 */
export function usePrivacySelector<S>(selector: (state: PrivacyState) => S, isEqual?: (a: S, b: S) => boolean): ComputedRef<S> {
  const store = injectStore('usePrivacySelector')
  const state = shallowRef(store.getState())
  onScopeDispose(store.subscribe(() => (state.value = store.getState())))
  // A computed that returns its previous value triggers nothing (Vue 3.4+).
  return computed((previous: S | undefined) => {
    const next = selector(state.value)
    return previous !== undefined && (isEqual || Object.is)(previous, next) ? previous : next
  })
}
