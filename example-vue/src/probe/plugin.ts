import Taro from '@tarojs/taro'
import { h, render, type App } from 'vue'
import { View } from 'probe-elements'
import { say } from './log'

/**
 * A Vue plugin (`app.use`), as `taro-privacy/vue` would be: it records that install ran, and,
 * on each show of a page (Taro's event center `<route>.onShow`, h5 `__afterTaroRouterChange`), mounts a component of
 * the app's into the page root with `render()` (no component tree above it).
 */
export const probePlugin = {
  install(app: App) {
    say('install:' + typeof app.mount)
    app.provide('probe', 'provided-by-plugin')
    const onShow = () => {
      const page = Taro.getCurrentInstance().page as { $taroPath?: string } | null
      const id = page?.$taroPath
      const root = id ? document.getElementById(id) : null
      say('onShow:' + id + ':' + (root ? 'root' : 'no-root'))
      if (!root || (root as any).__probeHost) return
      // A Taro view on mini-programs; on h5 a plain div (document.createElement('view') there is an unknown HTML element).
      const host = document.createElement(process.env.TARO_ENV === 'h5' ? 'div' : 'view')
      ;(root as any).__probeHost = host
      root.appendChild(host)
      const vnode = h(View, { id: 'rendered', class: 'probe-rendered' }, 'rendered-by-plugin')
      vnode.appContext = app._context
      render(vnode, host as unknown as Element)
    }
    // Mini-programs: `<route>.onShow`. H5 keys it `/<route>?stamp=….onShow`; there Taro emits `__afterTaroRouterChange`.
    Taro.eventCenter.on('pages/facts/index.onShow', onShow)
    Taro.eventCenter.on('__afterTaroRouterChange', () => {
      say('afterRouterChange')
      setTimeout(onShow, 0)
    })
  },
}
