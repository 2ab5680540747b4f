import Taro from '@tarojs/taro'
import { useEffect, useRef, type ReactNode } from 'react'
import { createPrivacyStore, type PrivacyStore, type PrivacyStoreOptions } from '../core/store'
import type { PrivacyAdapter } from '../core/types'
import { DEV, warn } from '../core/dev'
import { createDefaultAdapter } from '../platform/default'
import type { PrivacyContract } from '../platform/h5'
import { PrivacyContext } from './context'

export interface PrivacyProviderProps extends Omit<PrivacyStoreOptions, 'adapter'> {
  children?: ReactNode
  /** Bring your own store (from `createPrivacyStore`); the provider then ignores its other options and never destroys it. */
  store?: PrivacyStore
  /** Default: picked from `process.env.TARO_ENV` with `@tarojs/taro`. Read once, when the provider creates its store. */
  adapter?: PrivacyAdapter
  /** H5 only: the contract the consent is given to (name, version, url). */
  contract?: PrivacyContract
}

export function PrivacyProvider({ children, store, adapter, contract, ...options }: PrivacyProviderProps) {
  const latest = useRef(options)
  latest.current = options
  const own = useRef<PrivacyStore>()
  if (!store && !own.current) {
    own.current = createPrivacyStore({
      ...options,
      adapter: adapter ?? createDefaultAdapter(Taro, { contract }),
      onRequest: (request) => latest.current.onRequest?.(request),
      onDecision: (decision) => latest.current.onDecision?.(decision),
    })
  }
  const value = store ?? own.current!
  useEffect(() => {
    if (!DEV || !store) return
    const ignored = [...Object.keys(options), ...(adapter ? ['adapter'] : []), ...(contract ? ['contract'] : [])]
    if (ignored.length) warn(`PrivacyProvider: with a \`store\` prop, ${ignored.join(', ')} are ignored; give them to createPrivacyStore.`)
  }, [store])
  useEffect(() => value.mount(), [value])
  return <PrivacyContext.Provider value={value}>{children}</PrivacyContext.Provider>
}
