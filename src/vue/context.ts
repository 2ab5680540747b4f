import { inject, type InjectionKey } from 'vue'
import type { PrivacyStore, PrivacyStoreHandle } from '../core/types'

export const PRIVACY_STORE: InjectionKey<PrivacyStore> = Symbol('taro-privacy')

/** The store the app installed with `createPrivacy()`; `consumer` names the caller in the error. */
export function injectStore(consumer: string): PrivacyStore {
  const store = inject(PRIVACY_STORE, null)
  if (!store) throw new Error('`' + consumer + '` must be used within an app that installed `createPrivacy()`: `app.use(createPrivacy())` in app.ts.')
  return store
}

/** The app's store, for a consent UI of your own (`getState`, `subscribe`, `attachUI`, `handleAgreeEvent`, the actions). */
export const usePrivacyStore = (): PrivacyStoreHandle => injectStore('usePrivacyStore')
