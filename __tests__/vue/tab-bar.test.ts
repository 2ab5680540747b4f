import { flushPromises } from '@vue/test-utils'
import { h, ref, Teleport, type VNodeChild } from 'vue'
import { PrivacyModal, type PrivacyPortalOptions } from '../../src/vue'
import { pageStack, type AppConfigDouble } from '../react/pages'
import { byText, callApi, click, mountWithPrivacy, tapAgree } from './utils'

const HOME = 'pages/index/index'
const MINE = 'pages/mine/index'
const DETAIL = 'pages/detail/index'
const APP: AppConfigDouble = { pages: [HOME, MINE, DETAIL], tabBar: { list: [{ pagePath: HOME }, { pagePath: MINE }] } }

/** The tab bar is shown again at the end of the task (a consent UI mounted again at once keeps it hidden). */
const endOfTask = () => new Promise((resolve) => setTimeout(resolve, 0)).then(() => flushPromises())

/** A page change, then Vue renders what it changed. */
async function step<T>(change: () => T): Promise<T> {
  const result = change()
  await flushPromises()
  return result
}

afterEach(() => {
  jest.restoreAllMocks()
  document.body.innerHTML = ''
})

/** Issue 17: a mask inside the page cannot cover the native tab bar. */
describe('hideTabBar (Vue)', () => {
  let pages: ReturnType<typeof pageStack>
  afterEach(() => pages.cleanup())

  /** Launches `config` on `first`, the app rendering `ui(root of the first page)` (or with the portal option). */
  async function launch(ui: ((root: HTMLElement) => VNodeChild) | { portal: PrivacyPortalOptions }, config = APP, first = HOME) {
    pages = pageStack(config)
    const root = pages.launch(first)
    const harness = typeof ui === 'function' ? await mountWithPrivacy(() => ui(root)) : await mountWithPrivacy(() => null, ui)
    await step(() => pages.launched())
    return { ...harness, root }
  }

  /** The page's own modal, rendered into its root as Taro renders a page. */
  const pageModal = (props: Record<string, unknown>) => (root: HTMLElement) => h(Teleport, { to: root }, [h(PrivacyModal, props)])

  it('is on with dismissible false: hidden while the consent UI shows on a tab page, through a refusal; shown again on agree', async () => {
    const { sim } = await launch(pageModal({ dismissible: false }))
    expect(pages.tabBarCalls).toEqual([])
    await callApi(sim, 'getLocation')
    expect(pages.tabBarCalls).toEqual(['hideTabBar'])
    await click(byText('拒绝'))
    await endOfTask()
    expect(sim.requests[0].settled).toBe('disagree')
    expect(pages.tabBarCalls).toEqual(['hideTabBar'])
    await tapAgree(sim, byText('同意'))
    await endOfTask()
    expect(pages.tabBarCalls).toEqual(['hideTabBar', 'showTabBar'])
  })

  it('is off by default otherwise', async () => {
    const { sim } = await launch(pageModal({}))
    await callApi(sim, 'getLocation')
    await click(byText('拒绝'))
    await endOfTask()
    expect(pages.tabBarCalls).toEqual([])
  })

  it('hideTabBar opts in on a dismissible UI; a refusal then shows the tab bar again', async () => {
    const { sim } = await launch(pageModal({ hideTabBar: true }))
    await callApi(sim, 'getLocation')
    expect(pages.tabBarCalls).toEqual(['hideTabBar'])
    await click(byText('拒绝'))
    await endOfTask()
    expect(pages.tabBarCalls).toEqual(['hideTabBar', 'showTabBar'])
  })

  it('hideTabBar false turns it off with dismissible false', async () => {
    const { sim } = await launch(pageModal({ dismissible: false, hideTabBar: false }))
    await callApi(sim, 'getLocation')
    expect(document.querySelector('.tp-mask')).not.toBeNull()
    expect(pages.tabBarCalls).toEqual([])
  })

  it('unmounting the consent UI while it shows shows the tab bar again', async () => {
    const mounted = ref(true)
    const { sim } = await launch((root) => h(Teleport, { to: root }, [mounted.value ? h(PrivacyModal, { hideTabBar: true }) : null]))
    await callApi(sim, 'getLocation')
    expect(pages.tabBarCalls).toEqual(['hideTabBar'])
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    mounted.value = false
    await endOfTask()
    expect(pages.tabBarCalls).toEqual(['hideTabBar', 'showTabBar'])
    warn.mockRestore()
  })

  it('regression: a page-level modal mounted while the consent UI already shows did not hide the tab bar', async () => {
    const mounted = ref(false)
    const { sim } = await launch((root) => h(Teleport, { to: root }, [mounted.value ? h(PrivacyModal, { dismissible: false }) : null]))
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    await callApi(sim, 'getLocation')
    expect(warn.mock.calls).toEqual([[expect.stringContaining('no consent UI is mounted')]])
    mounted.value = true
    await flushPromises()
    expect(document.querySelector('.tp-mask')).not.toBeNull()
    expect(pages.tabBarCalls).toEqual(['hideTabBar'])
    await tapAgree(sim, byText('同意'))
    await endOfTask()
    expect(pages.tabBarCalls).toEqual(['hideTabBar', 'showTabBar'])
    warn.mockRestore()
  })

  it('navigation away: the portal follows to a page outside the tab bar; the tab bar shows again on the next tab page, never off one', async () => {
    const { sim } = await launch({ portal: { hideTabBar: true } })
    await callApi(sim, 'getLocation')
    expect(pages.tabBarCalls).toEqual(['hideTabBar'])

    const detail = await step(() => pages.navigateTo(DETAIL))
    expect(detail.querySelector('.tp-mask')).not.toBeNull()
    await tapAgree(sim, byText('同意', detail))
    await endOfTask()
    expect(sim.requests[0].settled).toBe('agree')
    // showTabBar fails off a tab page: it waits for one
    expect(pages.tabBarCalls).toEqual(['hideTabBar'])
    await step(() => pages.navigateBack())
    expect(pages.tabBarCalls).toEqual(['hideTabBar', 'showTabBar'])
    await step(() => pages.navigateTo(DETAIL))
    await step(() => pages.navigateBack())
    expect(pages.tabBarCalls).toEqual(['hideTabBar', 'showTabBar'])
  })

  it('back on the tab page with the consent UI still up: the tab bar stays hidden, with no second hide', async () => {
    const { sim } = await launch({ portal: { hideTabBar: true } })
    await callApi(sim, 'getLocation')
    await step(() => pages.navigateTo(DETAIL))
    await endOfTask()
    await step(() => pages.navigateBack())
    await endOfTask()
    expect(pages.tabBarCalls).toEqual(['hideTabBar'])
    await click(byText('拒绝'))
    await endOfTask()
    expect(pages.tabBarCalls).toEqual(['hideTabBar', 'showTabBar'])
  })

  it('a page-level modal on a tab page in the background (after a switchTab) does not hold the tab bar hidden', async () => {
    const { sim, root } = await launch(pageModal({ hideTabBar: true }))
    await step(() => pages.switchTab(MINE))
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    await callApi(sim, 'getLocation')
    expect(root.querySelector('.tp-mask')).not.toBeNull()
    expect(pages.tabBarCalls).toEqual([])
    await step(() => pages.switchTab(HOME))
    expect(pages.tabBarCalls).toEqual(['hideTabBar'])
    await click(byText('拒绝'))
    await endOfTask()
    expect(pages.tabBarCalls).toEqual(['hideTabBar', 'showTabBar'])
    warn.mockRestore()
  })

  it.each([
    ['a custom tab bar (tabBar.custom)', { ...APP, tabBar: { custom: true, list: APP.tabBar!.list } }, HOME],
    ['a page outside the tab bar', APP, DETAIL],
    ['an app without a tab bar', { pages: APP.pages }, HOME],
  ])('never touches %s', async (_, config, first) => {
    const { sim } = await launch({ portal: { dismissible: false } }, config, first)
    await callApi(sim, 'getLocation')
    expect(document.querySelector('.tp-mask')).not.toBeNull()
    await tapAgree(sim, byText('同意'))
    await endOfTask()
    expect(pages.tabBarCalls).toEqual([])
  })
})
