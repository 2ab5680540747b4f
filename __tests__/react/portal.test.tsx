import { act, render, screen } from '@testing-library/react'
import { StrictMode, useState, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { createMiniProgramAdapter, PrivacyAgreeButton, PrivacyModal, PrivacyModalPortal, PrivacyProvider, type PrivacyModalPortalProps } from '../../src'
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

/**
 * Taro's page stack on a mini-program: each page has a root in the document while it is
 * loaded, `getCurrentPages()` lists the stack, and Taro emits `<route>.onShow` on its event
 * center for the page that comes on top (the routes come from the app's config).
 */
function pageStack(routes: readonly string[]) {
  const stack: { route: string; root: HTMLElement }[] = []
  jest.spyOn(Taro, 'getCurrentPages').mockImplementation(() => stack.map(({ root }) => ({ $taroPath: root.id })) as never)
  jest.spyOn(Taro, 'getCurrentInstance').mockReturnValue({ page: null, router: null, app: { config: { pages: routes } } } as never)
  const shown = (route: string) => act(() => void (Taro.eventCenter as { trigger(key: string): unknown }).trigger(`${route}.onShow`))
  const open = (route: string) => {
    const root = document.createElement('div')
    root.id = `${route}?$taroTimestamp=${stack.length + 1}`
    document.body.appendChild(root)
    stack.push({ route, root })
    return root
  }
  /** The top page is unloaded: its root leaves the document and the stack. */
  const close = () => stack.pop()!.root.remove()
  return {
    open,
    navigateTo(route: string) {
      const root = open(route)
      shown(route)
      return root
    },
    navigateBack() {
      close()
      shown(stack[stack.length - 1].route)
    },
    redirectTo(route: string) {
      close()
      const root = open(route)
      shown(route)
      return root
    },
  }
}

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
    expect(page.querySelector('.tp-mask')).not.toBeNull()
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

    // the user goes to another page: the consent UI shows there, and the platform hears of it
    const next = showPage('pages/index/index')
    act(() => void (Taro.eventCenter as { trigger(key: string): unknown }).trigger('__afterTaroRouterChange'))
    expect(next.querySelector('.tp-mask')).not.toBeNull()
    expect(page.querySelector('.tp-mask')).toBeNull()
    expect(sim.requests[0].events).toEqual(['exposureAuthorization'])
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
    expect(page.textContent).toBe('')
  })

  // Removing a child of the page root made Taro send the root's whole child list again
  // (33,724 B of setData on a page with a 200-item list): hiding only empties the host.
  it('hiding keeps the page root’s children: the host stays, empty, and is reused; a page that never showed the UI gets none', async () => {
    const other = document.createElement('div')
    other.id = 'pages/other/index?$taroTimestamp=1'
    document.body.appendChild(other)
    const page = showPage('pages/index/index')
    const sim = createPrivacySimulator({ latency: 0 })
    renderPortal(sim)
    await flush()
    expect(page.children).toHaveLength(0)
    act(() => sim.call('getLocation'))
    const host = page.firstElementChild
    expect(host?.querySelector('.tp-mask')).not.toBeNull()
    tapAgree(sim, screen.getByText('同意'))
    expect(Array.from(page.children)).toEqual([host])
    expect(host?.innerHTML).toBe('')
    sim.revokeConsent()
    act(() => sim.call('getLocation'))
    expect(Array.from(page.children)).toEqual([host])
    expect(host?.querySelector('.tp-mask')).not.toBeNull()
    expect(other.children).toHaveLength(0)
  })

  it('navigateBack: the closed page’s host is dropped, and the consent UI goes back into the host of the page below', async () => {
    const pages = pageStack(['pages/index/index', 'pages/detail/index'])
    const index = pages.open('pages/index/index')
    const sim = createPrivacySimulator({ latency: 0 })
    renderPortal(sim)
    await flush()
    act(() => sim.call('getLocation'))
    const indexHost = index.firstElementChild
    expect(indexHost?.querySelector('.tp-mask')).not.toBeNull()

    const detail = pages.navigateTo('pages/detail/index')
    expect(detail.querySelector('.tp-mask')).not.toBeNull()
    expect(Array.from(index.children)).toEqual([indexHost])
    expect(indexHost?.innerHTML).toBe('')

    pages.navigateBack()
    expect(detail.children).toHaveLength(0)
    expect(Array.from(index.children)).toEqual([indexHost])
    expect(indexHost?.querySelector('.tp-mask')).not.toBeNull()
    expect(document.querySelectorAll('.tp-mask')).toHaveLength(1)

    tapAgree(sim, screen.getByText('同意'))
    expect(sim.requests[0].settled).toBe('agree')
  })

  it('redirectTo while the consent UI is hidden: the replaced page’s empty host is dropped; the next request shows on the new page', async () => {
    const pages = pageStack(['pages/index/index', 'pages/login/index'])
    const index = pages.open('pages/index/index')
    const sim = createPrivacySimulator({ latency: 0 })
    renderPortal(sim)
    await flush()
    act(() => sim.call('getLocation'))
    tapAgree(sim, screen.getByText('同意'))
    expect(index.children).toHaveLength(1)

    const login = pages.redirectTo('pages/login/index')
    expect(index.children).toHaveLength(0)
    expect(login.children).toHaveLength(0)

    sim.revokeConsent()
    act(() => sim.call('chooseMedia'))
    expect(login.querySelector('.tp-mask')).not.toBeNull()
    expect(index.children).toHaveLength(0)
  })

  it('steps aside for a page that renders its own PrivacyModal', async () => {
    const page = showPage('pages/index/index')
    const sim = createPrivacySimulator({ latency: 0 })
    render(
      <StrictMode>
        <PrivacyProvider adapter={createMiniProgramAdapter(sim.api)}>
          <PrivacyModalPortal />
          {createPortal(<PrivacyModal className="page-own" />, page)}
        </PrivacyProvider>
      </StrictMode>,
    )
    await flush()
    act(() => sim.call('getLocation'))
    const modals = page.querySelectorAll('.tp-mask')
    expect(modals).toHaveLength(1)
    expect(modals[0].classList.contains('page-own')).toBe(true)
  })

  it('regression: stepped aside for a page’s own PrivacyModal, it did not take over when that one went while calls waited', async () => {
    const page = showPage('pages/index/index')
    const sim = createPrivacySimulator({ latency: 0 })
    // The page's modal goes with the page's own state: nothing above it renders again.
    let removePageModal!: () => void
    function PageContent() {
      const [shown, setShown] = useState(true)
      removePageModal = () => setShown(false)
      return shown ? createPortal(<PrivacyModal className="page-own" />, page) : null
    }
    render(
      <StrictMode>
        <PrivacyProvider adapter={createMiniProgramAdapter(sim.api)}>
          <PrivacyModalPortal />
          <PageContent />
        </PrivacyProvider>
      </StrictMode>,
    )
    await flush()
    act(() => sim.call('getLocation'))
    expect(page.querySelector('.tp-mask.page-own')).not.toBeNull()
    act(() => removePageModal())
    await flush()
    const modals = page.querySelectorAll('.tp-mask')
    expect(modals).toHaveLength(1)
    expect(modals[0].classList.contains('page-own')).toBe(false)
    expect(sim.pending).toHaveLength(1)
  })
})

