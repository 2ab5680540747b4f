import { onScopeDispose, shallowRef, type ShallowRef } from 'vue'
import type { PrivacyState } from '../core/types'
import { injectStore } from './context'

/** A ref of one slice of the state; it changes only when the slice does (by `isEqual`, default `Object.is`). */
export function usePrivacySelector<S>(selector: (state: PrivacyState) => S, isEqual?: (a: S, b: S) => boolean): Readonly<ShallowRef<S>> {
  const store = injectStore('usePrivacySelector')
  const slice = shallowRef(selector(store.getState()))
  onScopeDispose(
    store.subscribe(() => {
      const next = selector(store.getState())
      if (!(isEqual || Object.is)(slice.value, next)) slice.value = next
    }),
  )
  return slice
}
