import { h, render, type App, type Component, type HTMLAttributes, type StyleValue } from 'vue'
import { warn } from '../core/dev'
import { createPrivacyStore } from '../core/store'
import type { PrivacyStore, PrivacyStoreHandle, PrivacyStoreOptions } from '../core/types'
import { adapterFor, LIVE_OPTIONS, type PrivacySetupOptions } from '../ui/setup'
import { PRIVACY_STORE } from './context'
import type { PrivacyModalProps } from './PrivacyModal'
import { PrivacyModalPortal, type PrivacyModalPortalProps } from './PrivacyModalPortal'

/** `PrivacyModalPortal`'s props and `PrivacyModal`'s (`class` and `style` go on the mask), or `ui`: the app's own consent UI instead of `PrivacyModal` (it must contain a `PrivacyAgreeButton`). */
export type PrivacyPortalOptions = PrivacyModalPortalProps &
  PrivacyModalProps & {
    class?: HTMLAttributes['class']
    style?: StyleValue
    ui?: Component
  }

export interface PrivacyPluginOptions extends PrivacySetupOptions {
  /** Bring your own store (from `createPrivacyStore`); the plugin then ignores its other options and never destroys it. */
  store?: PrivacyStore
  /**
   * Mount `PrivacyModalPortal` with the app: the consent UI in the page on top, with no
   * consent UI on each page. `true`, or its options. (A Taro Vue app has no root template
   * to put the portal in.) Default: none; put `<PrivacyModal/>` in your pages instead.
   */
  portal?: boolean | PrivacyPortalOptions
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

/** Renders the portal with the app's context into a container of its own (its content is teleported into pages); returns its unmount. */
function mountPortal(app: App, portal: true | PrivacyPortalOptions): () => void {
  const props = Object.assign({}, portal === true ? {} : portal)
  const ui = props.ui
  delete props.ui
  const vnode = h(PrivacyModalPortal, props, ui ? { default: () => h(ui) } : undefined)
  vnode.appContext = app._context
  const container = document.createElement('view')
  render(vnode, container as unknown as Element)
  return () => render(null, container as unknown as Element)
}

/**
 * The Vue plugin of the privacy flow: `app.use(createPrivacy({ … }))` in `app.ts` provides
 * one store to every page and component of the app. The store is mounted while the app is
 * (it receives the platform's interceptions); `app.unmount()` releases it.
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
      const release = store.mount()
      const portal = options.portal && mountPortal(app, options.portal)
      const unmount = app.unmount
      app.unmount = () => {
        unmount.call(app)
        if (portal) portal()
        release()
      }
    },
  }
}
