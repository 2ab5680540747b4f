import { act, render, screen } from '@testing-library/react'
import { StrictMode } from 'react'
import { createPortal } from 'react-dom'
import { createMiniProgramAdapter, PrivacyModal, PrivacyProvider } from '../../src'
import { createPrivacySimulator } from '../../src/testing'
import { flush, tapAgree } from '../utils'
import { pageStack } from './pages'

const A = 'pages/a/index'
const B = 'pages/b/index'

afterEach(() => {
  jest.restoreAllMocks()
  document.body.innerHTML = ''
})

/** Issue 15: a page-level `<PrivacyModal/>` on a page in the background is not on screen. */
describe('a page-level PrivacyModal on a page in the background', () => {
  async function launch(config: Parameters<typeof pageStack>[0]) {
    const pages = pageStack(config)
    const root = pages.launch(A)
    const sim = createPrivacySimulator({ latency: 0 })
    render(
      <StrictMode>
        <PrivacyProvider adapter={createMiniProgramAdapter(sim.api)}>{createPortal(<PrivacyModal />, root)}</PrivacyProvider>
      </StrictMode>,
    )
    await flush()
    pages.launched()
    return { pages, sim, root }
  }

  it.each([
    ['navigateTo: page A stays in the stack', { pages: [A, B] }, 'navigateTo'],
    ['switchTab: tab page A stays alive', { pages: [A, B], tabBar: { list: [{ pagePath: A }, { pagePath: B }] } }, 'switchTab'],
  ] as const)('is not reported to the platform as shown (%s); exposure is reported when the user is back on A', async (_, config, how) => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const { pages, sim, root } = await launch({ pages: [...config.pages], tabBar: 'tabBar' in config ? config.tabBar : undefined })
    try {
      pages[how](B)
      act(() => sim.call('getLocation'))
      await act(() => new Promise((resolve) => setTimeout(resolve, 0)))
      // Nothing is on screen on B: no exposureAuthorization, and the development warning says so.
      expect(sim.requests[0].events).toEqual([])
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/"getLocation" is waiting for consent but no consent UI is mounted/))

      if (how === 'navigateTo') pages.navigateBack()
      else pages.switchTab(A)
      expect(root.querySelector('.tp-mask')).not.toBeNull()
      expect(sim.requests[0].events).toEqual(['exposureAuthorization'])
      tapAgree(sim, screen.getByText('同意'))
      expect(sim.requests[0].events).toEqual(['exposureAuthorization', 'agree'])
    } finally {
      pages.cleanup()
    }
  })

  it('a request that arrives while A is on screen is reported at once, and not again after a round trip', async () => {
    const { pages, sim } = await launch({ pages: [A, B] })
    try {
      act(() => sim.call('getLocation'))
      expect(sim.requests[0].events).toEqual(['exposureAuthorization'])
      pages.navigateTo(B)
      pages.navigateBack()
      expect(sim.requests[0].events).toEqual(['exposureAuthorization'])
    } finally {
      pages.cleanup()
    }
  })
})
