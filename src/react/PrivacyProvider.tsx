import Taro from '@tarojs/taro'
import { useEffect, useRef, type ReactNode } from 'react'
import { createPrivacyStore, type PrivacyStore, type PrivacyStoreOptions } from '../core/store'
import type { PrivacyAdapter, PrivacyPlatform } from '../core/types'
import { warn } from '../core/dev'
import { createDefaultAdapter } from '../platform/default'
import type { PrivacyContract } from '../platform/h5'
import { createUnsupportedAdapter } from '../platform/unsupported'
import { PrivacyContext } from './context'

export interface PrivacyProviderProps extends Omit<PrivacyStoreOptions, 'adapter' | 'openContract'> {
  children?: ReactNode
  /** Bring your own store (from `createPrivacyStore`); the provider then ignores its other options and never destroys it. */
  store?: PrivacyStore
  /** Default: picked from `process.env.TARO_ENV` with `@tarojs/taro`. Read once, when the provider creates its store. */
  adapter?: PrivacyAdapter
  /**
   * The contract consent is given to. `open` (every platform) opens your own agreement page
   * from `openContract()`; `name`, `version` and `url` are for H5.
   */
  contract?: PrivacyContract
  /**
   * Run the flow only on these platforms (`process.env.TARO_ENV`); elsewhere the status is
   * `unsupported`, no listener is registered and `require()` resolves at once. Default: all.
   */
  platforms?: readonly PrivacyPlatform[]
}

function defaultAdapter(contract: PrivacyContract | undefined, platforms: readonly PrivacyPlatform[] | undefined): PrivacyAdapter {
  if (platforms && !platforms.includes(process.env.TARO_ENV as PrivacyPlatform)) return createUnsupportedAdapter()
  return createDefaultAdapter(Taro, { contract })
}

export function PrivacyProvider({ children, store, adapter, contract, platforms, ...options }: PrivacyProviderProps) {
  const latest = useRef(options)
  latest.current = options
  const own = useRef<PrivacyStore>()
  if (!store && !own.current) {
    own.current = createPrivacyStore(
      Object.assign({}, options, {
        adapter: adapter || defaultAdapter(contract, platforms),
        openContract: contract && contract.open,
        onRequest: (request: Parameters<NonNullable<PrivacyStoreOptions['onRequest']>>[0]) => {
          if (latest.current.onRequest) latest.current.onRequest(request)
        },
        onDecision: (decision: Parameters<NonNullable<PrivacyStoreOptions['onDecision']>>[0]) => {
          if (latest.current.onDecision) latest.current.onDecision(decision)
        },
      }),
    )
  }
  const value = store || (own.current as PrivacyStore)
  useEffect(() => {
    if (process.env.NODE_ENV === 'production' || !store) return
    const ignored = Object.keys(options).concat(adapter ? ['adapter'] : [], contract ? ['contract'] : [], platforms ? ['platforms'] : [])
    if (ignored.length) warn(`PrivacyProvider: with a \`store\` prop, ${ignored.join(', ')} are ignored; give them to createPrivacyStore.`)
  }, [store])
  useEffect(() => value.mount(), [value])
  return <PrivacyContext.Provider value={value}>{children}</PrivacyContext.Provider>
}
