import { flushPromises } from '@vue/test-utils'
import { h, shallowRef, Teleport } from 'vue'
import { PrivacyModal } from '../../src/vue'
import { pageStack } from '../react/pages'
import { byText, callApi, mountWithPrivacy, tapAgree } from './utils'

const A = 'pages/a/index'
const B = 'pages/b/index'

afterEach(() => {
  jest.restoreAllMocks()
  document.body.innerHTML = ''
})

/** A page change, then Vue renders what it changed. */
async function step<T>(change: () => T): Promise<T> {
  const result = change()
  await flushPromises()
  return result
}

/** Issue 15: a page-level `<PrivacyModal/>` on a page in the background is not on screen. */
describe('a page-level PrivacyModal on a page in the background (Vue)', () => {
  async function launch(config: Parameters<typeof pageStack>[0]) {
    const pages = pageStack(config)
    const root = pages.launch(A)
    // The page's own modal, rendered into its root as Taro renders a page
    const { sim } = await mountWithPrivacy(() => h(Teleport, { to: root }, [h(PrivacyModal)]))
    await step(() => pages.launched())
    return { pages, sim, root }
  }

  it.each([
    ['navigateTo: page A stays in the stack', { pages: [A, B] }, 'navigateTo'],
    ['switchTab: tab page A stays alive', { pages: [A, B], tabBar: { list: [{ pagePath: A }, { pagePath: B }] } }, 'switchTab'],
  ] as const)('is not reported to the platform as shown (%s); exposure is reported when the user is back on A', async (_, config, how) => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const { pages, sim, root } = await launch({ pages: [...config.pages], tabBar: 'tabBar' in config ? config.tabBar : undefined })
    try {
      await step(() => pages[how](B))
      await callApi(sim, 'getLocation')
      // Nothing is on screen on B: no exposureAuthorization, and the development warning says so.
      expect(sim.requests[0].events).toEqual([])
      expect(warn.mock.calls).toEqual([[expect.stringMatching(/"getLocation" is waiting for consent but no consent UI is mounted/)]])

      await step(() => (how === 'navigateTo' ? pages.navigateBack() : pages.switchTab(A)))
      expect(root.querySelector('.tp-mask')).not.toBeNull()
      expect(sim.requests[0].events).toEqual(['exposureAuthorization'])
      await tapAgree(sim, byText('同意', root))
      expect(sim.requests[0].events).toEqual(['exposureAuthorization', 'agree'])
    } finally {
      warn.mockRestore()
      pages.cleanup()
    }
  })

  it('a request that arrives while A is on screen is reported at once, and not again after a round trip', async () => {
    const { pages, sim } = await launch({ pages: [A, B] })
    try {
      await callApi(sim, 'getLocation')
      expect(sim.requests[0].events).toEqual(['exposureAuthorization'])
      await step(() => pages.navigateTo(B))
      await step(() => pages.navigateBack())
      expect(sim.requests[0].events).toEqual(['exposureAuthorization'])
    } finally {
      pages.cleanup()
    }
  })

  it('regression: a modal mounted on page A while B covers it (v-if turned on) reported exposure for a UI nobody saw', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const pages = pageStack({ pages: [A, B] })
    const root = pages.launch(A)
    const shown = shallowRef(false)
    const { sim } = await mountWithPrivacy(() => h(Teleport, { to: root }, [shown.value ? h(PrivacyModal) : null]))
    try {
      await step(() => pages.launched())
      await step(() => pages.navigateTo(B))
      await callApi(sim, 'getLocation')
      shown.value = true
      await flushPromises()
      expect(sim.requests[0].events).toEqual([])
      await step(() => pages.navigateBack())
      expect(sim.requests[0].events).toEqual(['exposureAuthorization'])
    } finally {
      warn.mockRestore()
      pages.cleanup()
    }
  })
})
