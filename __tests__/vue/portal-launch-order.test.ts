import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import Taro from '@tarojs/taro'
import { createMiniProgramAdapter } from '../../src/core'
import { createPrivacySimulator } from '../../src/testing'
import { createPrivacy, createPrivacyPortal } from '../../src/vue'

const HOME = 'pages/index/index'
const NEXT = 'pages/next/index'
const SUBPACKAGE = 'packages/privacy/pages/location/index'
const CONFIG = { pages: [HOME, NEXT], subPackages: [{ root: 'packages/privacy/', pages: ['pages/location/index'] }] }

enableAutoUnmount(afterEach)
afterEach(() => {
  jest.restoreAllMocks()
  document.body.innerHTML = ''
})

/**
 * Taro's Vue 3 runtime on mini-programs (@tarojs/plugin-framework-vue3 4.2.0, `createVue3App`):
 * it calls `app.mount()` first, and only then sets `Current.app` (the app and its config,
 * what `getCurrentInstance().app` returns). Pages load after that, each with a root element
 * whose id is its `$taroPath`, and each show emits `<route>.onShow`.
 */
function taroMiniProgram() {
  let app: { config: typeof CONFIG } | null = null
  const stack: HTMLElement[] = []
  jest.spyOn(Taro, 'getCurrentPages').mockImplementation(() => stack.map((root) => ({ $taroPath: root.id })) as never)
  jest
    .spyOn(Taro, 'getCurrentInstance')
    .mockImplementation(() => ({ app, page: stack.length ? { $taroPath: stack[stack.length - 1].id } : null, router: null }) as never)
  const show = (route: string) => (Taro.eventCenter as unknown as { trigger(key: string): unknown }).trigger(`${route}.onShow`)
  return {
    /** The app entry has returned: Taro sets `Current.app`. */
    entryReturned: () => void (app = { config: CONFIG }),
    /** navigateTo (the first page too): the page's root, then its onShow. */
    open(route: string) {
      const root = document.createElement('div')
      root.id = `${route}?$taroTimestamp=${stack.length + 1}`
      document.body.appendChild(root)
      stack.push(root)
      show(route)
      return root
    },
    back() {
      stack.pop()!.remove()
      show(stack[stack.length - 1].id.split('?')[0])
    },
  }
}

describe('createPrivacyPortal on a mini-program, where Taro mounts the Vue app before the app config is readable', () => {
  // Found by compat/ (taro-4.2.1-vue3): the portal, rendered at app.mount(), listened to no
  // page's onShow, so the consent UI stayed on the page below after navigateTo / switchTab.
  it.each([
    ['a page', NEXT],
    ['a subpackage page', SUBPACKAGE],
  ])('the consent UI follows navigateTo to %s and navigateBack', async (_, route) => {
    const taro = taroMiniProgram()
    const sim = createPrivacySimulator({ latency: 0 })
    mount(() => null, { global: { plugins: [createPrivacy({ adapter: createMiniProgramAdapter(sim.api) }), createPrivacyPortal()] } })
    taro.entryReturned()
    await flushPromises()
    const home = taro.open(HOME)
    sim.call('getLocation')
    await flushPromises()
    expect(home.querySelectorAll('.tp-mask')).toHaveLength(1)

    const next = taro.open(route)
    await flushPromises()
    expect(next.querySelectorAll('.tp-mask')).toHaveLength(1)
    expect(home.querySelectorAll('.tp-mask')).toHaveLength(0)

    taro.back()
    await flushPromises()
    expect(home.querySelectorAll('.tp-mask')).toHaveLength(1)
    expect(sim.requests.map((request) => request.events)).toEqual([['exposureAuthorization']])
  })
})

it('an app unmounted before its entry has run renders no portal', async () => {
  const sim = createPrivacySimulator({ latency: 0 })
  const wrapper = mount(() => null, { global: { plugins: [createPrivacy({ adapter: createMiniProgramAdapter(sim.api) }), createPrivacyPortal()] } })
  const subscribe = jest.spyOn(Taro.eventCenter, 'on')
  wrapper.unmount()
  await flushPromises()
  expect(subscribe).not.toHaveBeenCalled()
})
