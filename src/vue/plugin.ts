import type { App } from 'vue'
import { warn } from '../core/dev'
import { createPrivacyStore } from '../core/store'
import type { PrivacyStore, PrivacyStoreHandle, PrivacyStoreOptions } from '../core/types'
import { adapterFor, LIVE_OPTIONS, type PrivacySetupOptions } from '../ui/setup'
import { PRIVACY_STORE } from './context'

export interface PrivacyPluginOptions extends PrivacySetupOptions {
  /** Bring your own store (from `createPrivacyStore`); the plugin then ignores its other options and never destroys it. */
  store?: PrivacyStore
}

/** The plugin `createPrivacy()` returns: give it to `app.use()`. */
export interface PrivacyPlugin {
  install(app: App): void
  /** The store the plugin provides, for code outside components. */
  readonly store: PrivacyStoreHandle
}

/**
 * The options the store reads: `cooldownMs`, `checkTimeoutMs`, `openOnRequired`, `onRequest`,
 * `onDecision` and `contract.open` are read from the app's object at each use, so changing
 * them there (or passing a `reactive()` object) takes effect.
 */
function storeOptions(options: PrivacySetupOptions): PrivacyStoreOptions {
  const live: PropertyDescriptorMap = {
    openContract: { get: () => options.contract && options.contract.open },
  }
  LIVE_OPTIONS.forEach((name) => (live[name] = { get: () => options[name] }))
  return Object.defineProperties({ adapter: adapterFor(options), officialPopup: options.officialPopup }, live)
}

/**
 * The Vue plugin of the privacy flow: `app.use(createPrivacy({ … }))` in `app.ts` provides
 * one store to every page and component of the app. The store is mounted from `app.mount()`
 * (it receives the platform's interceptions) to `app.unmount()`, which releases it.
 */
export function createPrivacy(options: PrivacyPluginOptions = {}): PrivacyPlugin {
  if (process.env.NODE_ENV !== 'production' && options.store) {
    const ignored = Object.keys(options).filter((key) => key !== 'store' && options[key as keyof PrivacyPluginOptions] !== undefined)
    if (ignored.length) warn(`createPrivacy: with a \`store\`, ${ignored.join(', ')} are ignored; give them to createPrivacyStore.`)
  }
  const store = options.store || createPrivacyStore(storeOptions(options))
  return {
    store,
    install(app) {
      app.provide(PRIVACY_STORE, store)
      let release: (() => void) | undefined
      const { mount, unmount } = app
      app.mount = (...args: Parameters<App['mount']>) => {
        release = release || store.mount()
        return mount.apply(app, args)
      }
      app.unmount = () => {
        unmount.call(app)
        if (release) release()
        release = undefined
      }
    },
  }
}
