import { PrivacyError } from '../core/errors'
import type { PrivacyAdapter } from '../core/types'

/** Synchronous storage shaped like Taro's (`getStorageSync` / `setStorageSync`). */
export interface ConsentStorage {
  getStorageSync(key: string): unknown
  setStorageSync(key: string, data: unknown): void
}

export interface PrivacyContract {
  /** Shown in the consent UI. Default `《用户隐私保护指引》`. */
  name?: string
  /** Consent is kept per version: a new version asks again. Default `"1"`. */
  version?: string
  /** Opened by `openContract()` in a new window. */
  url?: string
  /** Called by `openContract()` instead of opening `url`, e.g. to navigate to your own page. */
  open?: () => void | Promise<void>
}

export interface H5AdapterOptions {
  /** Default: `localStorage`, as JSON. */
  storage?: ConsentStorage
  contract?: PrivacyContract
  /** Storage key. Default `taro-privacy:consent`. */
  key?: string
}

interface StoredConsent {
  version: string
  at: number
}

/**
 * H5 has no platform privacy gate: the package keeps consent itself, per contract
 * version, in storage. Nothing is intercepted, so features call `require()` first.
 */
// Taro's default export on h5 carries no storage functions, so the browser's is the default.
const localStorageJson: ConsentStorage = {
  getStorageSync: (key) => JSON.parse(localStorage.getItem(key) || 'null'),
  setStorageSync: (key, data) => localStorage.setItem(key, JSON.stringify(data)),
}

export function createH5Adapter({
  storage = localStorageJson,
  contract = {},
  key = 'taro-privacy:consent',
}: H5AdapterOptions = {}): PrivacyAdapter {
  const version = contract.version || '1'
  const agreed = () => {
    try {
      const stored = storage.getStorageSync(key) as StoredConsent | null | undefined
      return !!stored && stored.version === version
    } catch (error) {
      return false
    }
  }
  return {
    platform: 'h5',
    reportsExposure: false,
    agreeEvent: 'click',
    // Promises without async functions: Taro's babel compiles async to regenerator code.
    getSetting: () => Promise.resolve({ needAuthorization: !agreed(), contractName: contract.name || '《用户隐私保护指引》' }),
    recordAgree: () => storage.setStorageSync(key, { version, at: Date.now() } satisfies StoredConsent),
    openContract() {
      if (contract.open) return Promise.resolve(contract.open())
      if (!contract.url) return Promise.reject(new PrivacyError('UNSUPPORTED', 'give the provider contract={{ url }} or contract={{ open }}'))
      window.open(contract.url, '_blank')
      return Promise.resolve()
    },
  }
}
