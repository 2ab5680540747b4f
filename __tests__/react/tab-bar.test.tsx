import { act, render, screen } from '@testing-library/react'
import { StrictMode, useState, type ReactElement } from 'react'
import { createPortal } from 'react-dom'
import { createMiniProgramAdapter, PrivacyModal, PrivacyModalPortal, PrivacyProvider } from '../../src'
import { createPrivacySimulator } from '../../src/testing'
import { flush, tapAgree } from '../utils'
import { pageStack, type AppConfigDouble } from './pages'

const HOME = 'pages/index/index'
const MINE = 'pages/mine/index'
const DETAIL = 'pages/detail/index'
const APP: AppConfigDouble = { pages: [HOME, MINE, DETAIL], tabBar: { list: [{ pagePath: HOME }, { pagePath: MINE }] } }

/** The tab bar is shown again at the end of the task (a consent UI mounted again at once keeps it hidden). */
const endOfTask = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)))

afterEach(() => {
  jest.restoreAllMocks()
  document.body.innerHTML = ''
})

/** Issue 17: a mask inside the page cannot cover the native tab bar. */
describe('hideTabBar', () => {
  let pages: ReturnType<typeof pageStack>
  afterEach(() => pages.cleanup())

  /** Launches `config` on `first`, with `ui(root of the first page)` under a provider. */
  async function launch(ui: (root: HTMLElement) => ReactElement, config = APP, first = HOME) {
    pages = pageStack(config)
    const root = pages.launch(first)
    const sim = createPrivacySimulator({ latency: 0 })
    const result = render(
      <StrictMode>
        <PrivacyProvider adapter={createMiniProgramAdapter(sim.api)}>{ui(root)}</PrivacyProvider>
      </StrictMode>,
    )
    await flush()
    pages.launched()
    return { sim, root, result }
  }

  it('is on with dismissible={false}: hidden while the consent UI shows on a tab page, through a refusal; shown again on agree', async () => {
    const { sim } = await launch((root) => createPortal(<PrivacyModal dismissible={false} />, root))
    expect(pages.tabBarCalls).toEqual([])
    act(() => sim.call('getLocation'))
    expect(pages.tabBarCalls).toEqual(['hideTabBar'])
    act(() => screen.getByText('拒绝').click())
    await endOfTask()
    expect(sim.requests[0].settled).toBe('disagree')
    expect(pages.tabBarCalls).toEqual(['hideTabBar'])
    tapAgree(sim, screen.getByText('同意'))
    await endOfTask()
    expect(pages.tabBarCalls).toEqual(['hideTabBar', 'showTabBar'])
  })

  it('is off by default otherwise', async () => {
    const { sim } = await launch((root) => createPortal(<PrivacyModal />, root))
    act(() => sim.call('getLocation'))
    act(() => screen.getByText('拒绝').click())
    await endOfTask()
    expect(pages.tabBarCalls).toEqual([])
  })

  it('hideTabBar opts in on a dismissible UI; a refusal then shows the tab bar again', async () => {
    const { sim } = await launch((root) => createPortal(<PrivacyModal hideTabBar />, root))
    act(() => sim.call('getLocation'))
    expect(pages.tabBarCalls).toEqual(['hideTabBar'])
    act(() => screen.getByText('拒绝').click())
    await endOfTask()
    expect(pages.tabBarCalls).toEqual(['hideTabBar', 'showTabBar'])
  })

  it('unmounting the consent UI while it shows shows the tab bar again', async () => {
    let unmount!: () => void
    function Page() {
      const [mounted, setMounted] = useState(true)
      unmount = () => setMounted(false)
      return mounted ? <PrivacyModal hideTabBar /> : null
    }
    const { sim } = await launch((root) => createPortal(<Page />, root))
    act(() => sim.call('getLocation'))
    expect(pages.tabBarCalls).toEqual(['hideTabBar'])
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    act(() => unmount())
    await endOfTask()
    expect(pages.tabBarCalls).toEqual(['hideTabBar', 'showTabBar'])
    warn.mockRestore()
  })

  it('navigation away: the portal follows to a page outside the tab bar; the tab bar shows again on the next tab page, never off one', async () => {
    const { sim } = await launch(() => <PrivacyModalPortal hideTabBar />)
    act(() => sim.call('getLocation'))
    expect(pages.tabBarCalls).toEqual(['hideTabBar'])

    const detail = pages.navigateTo(DETAIL)
    expect(detail.querySelector('.tp-mask')).not.toBeNull()
    tapAgree(sim, screen.getByText('同意'))
    await endOfTask()
    expect(sim.requests[0].settled).toBe('agree')
    // showTabBar fails off a tab page: it waits for one
    expect(pages.tabBarCalls).toEqual(['hideTabBar'])
    pages.navigateBack()
    expect(pages.tabBarCalls).toEqual(['hideTabBar', 'showTabBar'])
    pages.navigateTo(DETAIL)
    pages.navigateBack()
    expect(pages.tabBarCalls).toEqual(['hideTabBar', 'showTabBar'])
  })

  it('back on the tab page with the consent UI still up: the tab bar stays hidden, with no second hide', async () => {
    const { sim } = await launch(() => <PrivacyModalPortal hideTabBar />)
    act(() => sim.call('getLocation'))
    pages.navigateTo(DETAIL)
    await endOfTask()
    pages.navigateBack()
    await endOfTask()
    expect(pages.tabBarCalls).toEqual(['hideTabBar'])
    act(() => screen.getByText('拒绝').click())
    await endOfTask()
    expect(pages.tabBarCalls).toEqual(['hideTabBar', 'showTabBar'])
  })

  it('a page-level modal on a tab page in the background (after a switchTab) does not hold the tab bar hidden', async () => {
    const { sim, root } = await launch((root) => createPortal(<PrivacyModal hideTabBar />, root))
    pages.switchTab(MINE)
    act(() => sim.call('getLocation'))
    expect(root.querySelector('.tp-mask')).not.toBeNull()
    expect(pages.tabBarCalls).toEqual([])
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    pages.switchTab(HOME)
    expect(pages.tabBarCalls).toEqual(['hideTabBar'])
    act(() => screen.getByText('拒绝').click())
    await endOfTask()
    expect(pages.tabBarCalls).toEqual(['hideTabBar', 'showTabBar'])
    warn.mockRestore()
  })

  it.each([
    ['a custom tab bar (tabBar.custom)', { ...APP, tabBar: { custom: true, list: APP.tabBar!.list } }, HOME],
    ['a page outside the tab bar', APP, DETAIL],
    ['an app without a tab bar', { pages: APP.pages }, HOME],
  ])('never touches %s', async (_, config, first) => {
    const { sim } = await launch(() => <PrivacyModalPortal dismissible={false} />, config, first)
    act(() => sim.call('getLocation'))
    expect(document.querySelector('.tp-mask')).not.toBeNull()
    tapAgree(sim, screen.getByText('同意'))
    await endOfTask()
    expect(pages.tabBarCalls).toEqual([])
  })
})
