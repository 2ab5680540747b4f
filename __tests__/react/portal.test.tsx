import { act, render, screen } from '@testing-library/react'
import { StrictMode, type ReactNode } from 'react'
import { createMiniProgramAdapter, PrivacyAgreeButton, PrivacyModalPortal, PrivacyProvider, type PrivacyModalPortalProps } from '../../src'
import { createPrivacySimulator, type PrivacySimulator } from '../../src/testing'
import Taro from '@tarojs/taro'
import { flush, tapAgree } from '../utils'

/** A Taro page root in the document, as Taro's runtime makes one (its id is the page's `$taroPath`). */
function showPage(route: string): HTMLElement {
  const root = document.createElement('div')
  root.id = `${route}?$taroTimestamp=1`
  document.body.appendChild(root)
  jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{ $taroPath: root.id }] as never)
  return root
}

afterEach(() => {
  jest.restoreAllMocks()
  document.body.innerHTML = ''
})

function renderPortal(sim: PrivacySimulator, props: PrivacyModalPortalProps = {}, children?: ReactNode) {
  return render(
    <StrictMode>
      <PrivacyProvider adapter={createMiniProgramAdapter(sim.api)}>
        <PrivacyModalPortal {...props}>{children}</PrivacyModalPortal>
      </PrivacyProvider>
    </StrictMode>,
  )
}

describe('PrivacyModalPortal', () => {
  it('mounts the consent UI into the root of the page on top', async () => {
    const page = showPage('pages/index/index')
    const sim = createPrivacySimulator({ latency: 0 })
    renderPortal(sim)
    await flush()
    act(() => sim.call('getLocation'))
    expect(page.querySelector('.taro-privacy-modal__mask')).not.toBeNull()
  })

  it.each([
    ['a list of routes', ['/pages/webview/index']],
    ['a test on the route', (route: string) => route.startsWith('pages/webview')],
  ])('exclude (%s) keeps the consent UI off that page; the requests wait for another page', async (_, exclude) => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const page = showPage('pages/webview/index')
    const sim = createPrivacySimulator({ latency: 0 })
    renderPortal(sim, { exclude })
    await flush()
    act(() => sim.call('getLocation'))
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)))
    expect(page.innerHTML).toBe('')
    expect(sim.requests[0].events).toEqual([])
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('no consent UI is mounted'))
  })

  it('renders the app\'s own consent UI, reports it shown (exposure) and agrees through its PrivacyAgreeButton', async () => {
    const page = showPage('pages/index/index')
    const sim = createPrivacySimulator({ latency: 0 })
    renderPortal(sim, {}, <div className="my-sheet"><PrivacyAgreeButton>好的</PrivacyAgreeButton></div>)
    await flush()
    act(() => sim.call('getLocation'))
    expect(page.textContent).toBe('好的')
    expect(sim.requests[0].events).toEqual(['exposureAuthorization'])
    tapAgree(sim, screen.getByText('好的'))
    expect(sim.requests[0].settled).toBe('agree')
    expect(page.innerHTML).toBe('')
  })

  it('steps aside for a page that renders its own PrivacyModal', async () => {
    const page = showPage('pages/index/index')
    const own = document.createElement('div')
    own.className = 'taro-privacy-modal__mask'
    page.appendChild(own)
    const sim = createPrivacySimulator({ latency: 0 })
    renderPortal(sim)
    await flush()
    act(() => sim.call('getLocation'))
    expect(page.children).toHaveLength(1)
  })
})

