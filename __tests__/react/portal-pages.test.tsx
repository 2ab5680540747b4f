import { act, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { StrictMode } from 'react'
import { createMiniProgramAdapter, createPrivacyStore, PrivacyModalPortal, PrivacyProvider, type PrivacyModalPortalProps, type PrivacyStore } from '../../src'
import { createPrivacySimulator, type PrivacySimulator } from '../../src/testing'
import { callApi, flush, tapAgree } from '../utils'
import { pageStack } from './pages'

const HOME = 'pages/index/index'
const DETAIL = 'pages/detail/index'

afterEach(() => {
  jest.restoreAllMocks()
  jest.useRealTimers()
  document.body.innerHTML = ''
})

function renderPortal(sim: PrivacySimulator, props: PrivacyModalPortalProps = {}, store?: PrivacyStore) {
  return render(
    <StrictMode>
      <PrivacyProvider {...(store ? { store } : { adapter: createMiniProgramAdapter(sim.api) })}>
        <PrivacyModalPortal {...props} />
      </PrivacyProvider>
    </StrictMode>,
  )
}

/** Issue 15: src/ui/pages.ts reads Taro's internals; when they change, the portal finds no page on top. */
describe('PrivacyModalPortal finding no page on top', () => {
  const env = { TARO_VERSION: process.env.TARO_VERSION, NODE_ENV: process.env.NODE_ENV }
  afterEach(() => Object.assign(process.env, env))

  function noPages() {
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([])
    jest.spyOn(Taro, 'getCurrentInstance').mockReturnValue({ page: null, router: null, app: null } as never)
  }

  it.each([
    ['3.6.40', 'production'],
    ['4.1.11', 'development'],
    ['4.2.1', 'production'],
  ])('Taro %s (%s build): says so once after 3 s, naming the version, instead of leaving the calls waiting silently; no refusal is made up', async (version, mode) => {
    process.env.TARO_VERSION = version
    process.env.NODE_ENV = mode
    jest.useFakeTimers()
    noPages()
    const error = jest.spyOn(console, 'error').mockImplementation(() => {})
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const sim = createPrivacySimulator({ latency: 0 })
    renderPortal(sim)
    await flush()

    const first = callApi(sim, 'getLocation')
    act(() => void jest.advanceTimersByTime(2999))
    expect(first).toMatchObject({ success: 0, fail: 0 })
    expect(error).not.toHaveBeenCalled()
    act(() => void jest.advanceTimersByTime(1))
    expect(first).toMatchObject({ success: 0, fail: 0 })
    expect(sim.requests[0].settled).toBeUndefined()
    expect(error).toHaveBeenCalledTimes(1)
    expect(error.mock.calls[0][0]).toMatch(new RegExp(`^\\[taro-privacy\\] PrivacyModalPortal found no page on top \\(Taro ${version.replace(/\./g, '\\.')}\\)`))

    const second = callApi(sim, 'chooseMedia')
    act(() => void jest.advanceTimersByTime(3000))
    expect(second).toMatchObject({ success: 0, fail: 0 })
    expect(error).toHaveBeenCalledTimes(1)
    // In development the store's own warning said the calls waited with no consent UI.
    if (mode === 'development') expect(warn).toHaveBeenCalledWith(expect.stringContaining('no consent UI is mounted'))
    else expect(warn).not.toHaveBeenCalled()
  })

  it('the first page loading within the wait: the consent UI shows there and nothing is reported', async () => {
    jest.useFakeTimers()
    const error = jest.spyOn(console, 'error').mockImplementation(() => {})
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const pages = pageStack({ pages: [HOME] })
    const sim = createPrivacySimulator({ latency: 0 })
    renderPortal(sim)
    await flush()
    const call = callApi(sim, 'getLocation')
    act(() => void jest.advanceTimersByTime(1000))
    const root = pages.launch(HOME)
    pages.launched()
    act(() => void jest.advanceTimersByTime(5000))
    expect(root.querySelector('.tp-mask')).not.toBeNull()
    expect(sim.requests[0].events).toEqual(['exposureAuthorization'])
    tapAgree(sim, screen.getByText('同意'))
    expect(call.success).toBe(1)
    expect(error).not.toHaveBeenCalled()
    warn.mockRestore()
    pages.cleanup()
  })

  it('Taro’s version is named "unknown" when the build did not define it', async () => {
    delete process.env.TARO_VERSION
    jest.useFakeTimers()
    noPages()
    const error = jest.spyOn(console, 'error').mockImplementation(() => {})
    jest.spyOn(console, 'warn').mockImplementation(() => {})
    const sim = createPrivacySimulator({ latency: 0 })
    renderPortal(sim)
    await flush()
    callApi(sim, 'getLocation')
    act(() => void jest.advanceTimersByTime(3000))
    expect(error.mock.calls[0][0]).toContain('(Taro unknown)')
  })
})

/** Issue 17: with `openOnRequired="always"` on the provider, every page show checks consent again. */
describe('recheckOnShow', () => {
  function launch(recheckOnShow?: boolean) {
    const pages = pageStack({ pages: [HOME, DETAIL] })
    pages.launch(HOME)
    const sim = createPrivacySimulator({ latency: 0, needAuthorization: false })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api), openOnRequired: 'always' })
    const refresh = jest.spyOn(store, 'refresh')
    renderPortal(sim, { recheckOnShow }, store)
    return { pages, sim, store, refresh }
  }

  it('calls refresh() each time a page shows', async () => {
    const { pages, refresh, store } = launch(true)
    await flush()
    pages.launched()
    expect(refresh).toHaveBeenCalledTimes(1)
    pages.navigateTo(DETAIL)
    pages.navigateBack()
    expect(refresh).toHaveBeenCalledTimes(3)
    await flush()
    store.destroy()
    pages.cleanup()
  })

  it('is off by default', async () => {
    const { pages, refresh, store } = launch()
    await flush()
    pages.launched()
    pages.navigateTo(DETAIL)
    expect(refresh).not.toHaveBeenCalled()
    store.destroy()
    pages.cleanup()
  })

  it('with openOnRequired "always": consent gone while the app ran, each page show that finds it missing opens the consent UI there', async () => {
    const { pages, sim, store } = launch(true)
    await flush()
    pages.launched()
    await flush()
    expect(store.getState().status).toBe('agreed')
    sim.revokeConsent()
    const detail = pages.navigateTo(DETAIL)
    await flush()
    expect(store.getState()).toMatchObject({ status: 'required', visible: true })
    expect(detail.querySelector('.tp-mask')).not.toBeNull()
    tapAgree(sim, screen.getByText('同意'))
    expect(store.getState()).toMatchObject({ status: 'agreed', visible: false })

    sim.revokeConsent()
    const home = pages.navigateBack()
    await flush()
    expect(store.getState()).toMatchObject({ status: 'required', visible: true })
    expect(home.querySelector('.tp-mask')).not.toBeNull()
    store.destroy()
    pages.cleanup()
  })
})
