import Taro from '@tarojs/taro'
import { flushPromises } from '@vue/test-utils'
import { createApp } from 'vue'
import { createMiniProgramAdapter } from '../../src/core'
import { createPrivacySimulator } from '../../src/testing'
import { createPrivacy, createPrivacyPortal } from '../../src/vue'

afterEach(() => {
  jest.restoreAllMocks()
  document.body.innerHTML = ''
})

/**
 * Taro's Vue 3 runtime on a mini-program (`createVue3App`, @tarojs/plugin-framework-vue3 4.1):
 * it calls `app.mount('#app')` first and sets `Current.app` (the app config, with its pages)
 * after that; pages load later, each with a root in the document, and Taro emits
 * `<route>.onShow` on its event center for the page that comes on top.
 */
function taroVue3Runtime(routes: string[]) {
  const stack: HTMLElement[] = []
  let app: { config: { pages: string[] } } | null = null
  jest.spyOn(Taro, 'getCurrentPages').mockImplementation(() => stack.map((root) => ({ $taroPath: root.id })) as never)
  jest.spyOn(Taro, 'getCurrentInstance').mockImplementation(() => ({ page: null, router: null, app }) as never)
  return {
    launch(vueApp: ReturnType<typeof createApp>) {
      vueApp.mount(document.createElement('div'))
      app = { config: { pages: routes } }
    },
    navigateTo(route: string) {
      const root = document.createElement('div')
      root.id = `${route}?$taroTimestamp=${stack.length + 1}`
      document.body.appendChild(root)
      stack.push(root)
      Taro.eventCenter.trigger(`${route}.onShow`)
      return root
    },
  }
}

it('createPrivacyPortal follows navigateTo on a mini-program, where Taro sets the app config after app.mount', async () => {
  const runtime = taroVue3Runtime(['pages/index/index', 'pages/next/index'])
  const sim = createPrivacySimulator({ latency: 0 })
  const app = createApp({ render: () => null })
  app.use(createPrivacy({ adapter: createMiniProgramAdapter(sim.api) }))
  app.use(createPrivacyPortal())
  runtime.launch(app)
  await flushPromises()
  const home = runtime.navigateTo('pages/index/index')
  await flushPromises()

  sim.call('getLocation')
  await flushPromises()
  expect(home.querySelectorAll('.tp-mask')).toHaveLength(1)

  const next = runtime.navigateTo('pages/next/index')
  await flushPromises()

  expect(next.querySelectorAll('.tp-mask')).toHaveLength(1)
  expect(home.querySelectorAll('.tp-mask')).toHaveLength(0)
  app.unmount()
})
