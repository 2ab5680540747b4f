import { h, render, type App, type Component, type Plugin } from 'vue'
import type { PrivacyModalProps } from './PrivacyModal'
import { PrivacyModalPortal, type PrivacyModalPortalProps } from './PrivacyModalPortal'

/** `PrivacyModalPortal`'s props and `PrivacyModal`'s; `ui`: your own consent UI instead of `PrivacyModal` (it must contain a `PrivacyAgreeButton`). */
export type PrivacyPortalOptions = PrivacyModalPortalProps & PrivacyModalProps & { ui?: Component }

/**
 * Mounts `PrivacyModalPortal` with the app: the consent UI in the page on top, so no page
 * needs one of its own. A Taro Vue app has no root template to put the portal in, so it
 * is rendered with the app's context into a container of its own once the app has mounted (its
 * content is teleported into pages), and unmounted with the app. A plugin of its own, so
 * apps with their own consent UI do not bundle the modal.
 */
export function createPrivacyPortal(options: PrivacyPortalOptions = {}): Plugin {
  return {
    install(app: App) {
      const props = Object.assign({}, options)
      const ui = props.ui
      delete props.ui
      const container = document.createElement('view') as unknown as Element
      const { mount, unmount } = app
      let mounted = false
      app.mount = (...args: Parameters<App['mount']>) => {
        const root = mount.apply(app, args)
        mounted = true
        // After the app's entry has run: on mini-programs Taro's Vue 3 runtime mounts the app
        // before it sets `Current.app`, whose config names the pages whose onShow the portal
        // listens to (rendered at once, it would not follow navigateTo or switchTab).
        void Promise.resolve().then(() => {
          if (!mounted) return
          const vnode = h(PrivacyModalPortal, props, ui ? { default: () => h(ui) } : undefined)
          vnode.appContext = app._context
          render(vnode, container)
        })
        return root
      }
      app.unmount = () => {
        mounted = false
        render(null, container)
        unmount.call(app)
      }
    },
  }
}
