import Taro from '@tarojs/taro'
import type { PrivacyAdapter, PrivacyPlatform, PrivacyStoreOptions } from '../core/types'
import { createDefaultAdapter } from '../platform/default'
import type { PrivacyContract } from '../platform/h5'
import { createUnsupportedAdapter } from '../platform/unsupported'

/** What an app gives the React provider or the Vue plugin to create its store. */
export interface PrivacySetupOptions extends Omit<PrivacyStoreOptions, 'adapter' | 'openContract'> {
  /** Default: picked from `process.env.TARO_ENV` with `@tarojs/taro`. Read once, when the store is created. */
  adapter?: PrivacyAdapter
  /**
   * The contract consent is given to. `open` (every platform) opens your own agreement page
   * from `openContract()` and stays live; `name`, `version` and `url` are for H5 and read once.
   */
  contract?: PrivacyContract
  /**
   * Run the flow only on these platforms (`process.env.TARO_ENV`); elsewhere the status is
   * `unsupported`, no listener is registered and `require()` resolves at once. Default: all. Read once.
   */
  platforms?: readonly PrivacyPlatform[]
}

/** The store options read at each use, so a change to them takes effect. */
export const LIVE_OPTIONS = ['cooldownMs', 'checkTimeoutMs', 'openOnRequired', 'onRequest', 'onDecision'] as const

/** The adapter of a new store: the app's, else the one for this build's platform (unsupported outside `platforms`). */
export function adapterFor(setup: PrivacySetupOptions): PrivacyAdapter {
  const { platforms } = setup
  return (
    setup.adapter ||
    (platforms && platforms.indexOf(process.env.TARO_ENV as PrivacyPlatform) < 0 ? createUnsupportedAdapter() : createDefaultAdapter(Taro, { contract: setup.contract }))
  )
}
