import { createContext, createElement, useContext, useEffect, useRef, useSyncExternalStore } from 'react'
import type { PrivacyStore, PrivacyStoreHandle } from '../core/types'

export type { PrivacyStoreHandle }

// Taro's build calls an imported function as `(0, react.useEffect)(…)` at every use, where
// a module-level alias is called by its short mangled name (its terser folds no alias
// back): the React layer calls React's functions it uses more than once through these, and
// writes elements with `h` (no `jsx(…, { children })`).
export const h = createElement
export const useEffectAlias = useEffect
export const useRefAlias = useRef
export const useContextAlias = useContext
export const useStoreAlias = useSyncExternalStore

export const PrivacyContext = createContext<PrivacyStore | null>(null)

/** The store of the nearest `PrivacyProvider`; `consumer` names the caller in the error. */
export function usePrivacyStore(consumer: string): PrivacyStore {
  const store = useContextAlias(PrivacyContext)
  if (!store) throw new Error('`' + consumer + '` must be used within `PrivacyProvider`.')
  return store
}

/** The nearest provider's store, for a consent UI of your own (`getState`, `subscribe`, `attachUI`, `handleAgreeEvent`, the actions). */
export const usePublicStore = (): PrivacyStoreHandle => usePrivacyStore('usePrivacyStore')
