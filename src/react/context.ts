import { createContext, useContext } from 'react'
import type { PrivacyStore } from '../core/store'

export const PrivacyContext = createContext<PrivacyStore | null>(null)

/** The store of the nearest `PrivacyProvider`; `consumer` names the caller in the error. */
export function usePrivacyStore(consumer = 'usePrivacyStore'): PrivacyStore {
  const store = useContext(PrivacyContext)
  if (!store) throw new Error('`' + consumer + '` must be used within `PrivacyProvider`.')
  return store
}
