import { h, render, type App, type Component, type HTMLAttributes, type Plugin, type StyleValue } from 'vue'
import type { PrivacyModalProps } from './PrivacyModal'
import { PrivacyModalPortal, type PrivacyModalPortalProps } from './PrivacyModalPortal'

/** `PrivacyModalPortal`'s props and `PrivacyModal`'s (`class` and `style` go on the mask); `ui`: your own consent UI instead of `PrivacyModal` (it must contain a `PrivacyAgreeButton`). */
export type PrivacyPortalOptions = PrivacyModalPortalProps &
  PrivacyModalProps & {
    class?: HTMLAttributes['class']
    style?: StyleValue
    ui?: Component
  }

/**
 * Mounts `PrivacyModalPortal` with the app: the consent UI in the page on top, so no page
 * needs one of its own. A Taro Vue app has no root template to put the portal in, so it is
 * rendered with the app's context into a container of its own (its content is teleported into
 * pages) and unmounted with the app. The options are read at each render: a `reactive()`
 * object keeps them live. A plugin of its own, so apps with their own consent UI do not
 * bundle the modal.
 */
export function createPrivacyPortal(options: PrivacyPortalOptions = {}): Plugin {
  const Portal = () => {
    const { ui, ...props } = options
    return h(PrivacyModalPortal, props, ui ? { default: () => h(ui) } : undefined)
  }
  return {
    install(app: App) {
      let container: Element | undefined
      let unmounted = false
      const { mount, unmount } = app
      app.mount = (...args: Parameters<App['mount']>) => {
        const root = mount.apply(app, args)
        // A microtask later: on mini-programs Taro's Vue runtime mounts the app before it sets the
        // app instance, whose config (the routes) the portal's page subscription reads.
        void Promise.resolve().then(() => {
          if (unmounted || container) return
          container = document.createElement('view') as unknown as Element
          const vnode = h(Portal)
          vnode.appContext = app._context
          render(vnode, container)
        })
        return root
      }
      app.unmount = () => {
        unmounted = true
        if (container) render(null, container)
        unmount.call(app)
      }
    },
  }
}
