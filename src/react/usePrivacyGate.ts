import { useMemo } from 'react'
import type { PrivacyGate } from '../core/types'
import { usePrivacyStore, useStoreAlias as useSyncExternalStore } from './context'

export type { PrivacyGate }

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
