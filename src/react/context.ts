import { createContext, useContext } from 'react'
import type { PrivacyStore } from '../core/types'

export const PrivacyContext = createContext<PrivacyStore | null>(null)

/** The store of the nearest `PrivacyProvider`; `consumer` names the caller in the error. */
export function usePrivacyStore(consumer: string): PrivacyStore {
  const store = useContext(PrivacyContext)
  if (!store) throw new Error('`' + consumer + '` must be used within `PrivacyProvider`.')
  return store
}

/** What components get of the provider's store: everything but `mount` and `destroy`, which belong to its owner. */
export type PrivacyStoreHandle = Omit<PrivacyStore, 'mount' | 'destroy'>

/** The nearest provider's store, for a consent UI of your own (`getState`, `subscribe`, `attachUI`, `handleAgreeEvent`, the actions). */
export const usePublicStore = (): PrivacyStoreHandle => usePrivacyStore('usePrivacyStore')
