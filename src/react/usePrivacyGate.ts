import { useMemo } from 'react'
import type { PrivacyActions } from '../core/types'
import type { PrivacyState } from '../core/types'
import { usePrivacyStore, useStoreAlias as useSyncExternalStore } from './context'

/** State and actions of the privacy flow. There is deliberately no `agree()`: only a tap on `PrivacyAgreeButton` agrees. */
export type PrivacyGate = PrivacyState & PrivacyActions

export function usePrivacyGate(): PrivacyGate {
  const store = usePrivacyStore('usePrivacyGate')
  const state = useSyncExternalStore(store.subscribe, store.getState, store.getState)
  // Object.assign, not spread: Taro's babel turns object spread into a helper.
  return useMemo(
    () =>
      Object.assign({}, state, {
        open: store.open,
        disagree: store.disagree,
        openContract: store.openContract,
        refresh: store.refresh,
        require: store.require,
      }),
    [state, store],
  )
}
