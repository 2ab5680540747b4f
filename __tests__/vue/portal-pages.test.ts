import { flushPromises } from '@vue/test-utils'
import Taro from '@tarojs/taro'
import { pageStack } from '../react/pages'
import { byText, callApi, mountWithPrivacy, tapAgree } from './utils'

const HOME = 'pages/index/index'
const DETAIL = 'pages/detail/index'

afterEach(() => {
  jest.restoreAllMocks()
  jest.useRealTimers()
  document.body.innerHTML = ''
})

/** A page change, then Vue renders what it changed. */
async function step<T>(change: () => T): Promise<T> {
  const result = change()
  await flushPromises()
  return result
}

/** Issue 15: src/ui/pages.ts reads Taro's internals; when they change, the portal finds no page on top. */
describe('PrivacyModalPortal finding no page on top (Vue)', () => {
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
    const { sim } = await mountWithPrivacy(() => null, { portal: true })

    const first = await callApi(sim, 'getLocation')
    jest.advanceTimersByTime(2999)
    expect(first).toMatchObject({ success: 0, fail: 0 })
    expect(error).not.toHaveBeenCalled()
    jest.advanceTimersByTime(1)
    expect(first).toMatchObject({ success: 0, fail: 0 })
    expect(sim.requests[0].settled).toBeUndefined()
    expect(error).toHaveBeenCalledTimes(1)
    expect(error.mock.calls[0][0]).toMatch(new RegExp(`^\\[taro-privacy\\] PrivacyModalPortal found no page on top \\(Taro ${version.replace(/\./g, '\\.')}\\)`))

    const second = await callApi(sim, 'chooseMedia')
    jest.advanceTimersByTime(3000)
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
    const { sim } = await mountWithPrivacy(() => null, { portal: true })
    const call = await callApi(sim, 'getLocation')
    jest.advanceTimersByTime(1000)
    const root = pages.launch(HOME)
    await step(() => pages.launched())
    jest.advanceTimersByTime(5000)
    expect(root.querySelector('.tp-mask')).not.toBeNull()
    expect(sim.requests[0].events).toEqual(['exposureAuthorization'])
    await tapAgree(sim, byText('同意', root))
    expect(call.success).toBe(1)
    expect(error).not.toHaveBeenCalled()
    warn.mockRestore()
    pages.cleanup()
  })

  it('the consent UI hidden within the wait (the user answered elsewhere): nothing is reported, and a later wait is timed afresh', async () => {
    jest.useFakeTimers()
    noPages()
    const error = jest.spyOn(console, 'error').mockImplementation(() => {})
    jest.spyOn(console, 'warn').mockImplementation(() => {})
    const { sim, gate } = await mountWithPrivacy(() => null, { portal: true })
    await callApi(sim, 'getLocation')
    jest.advanceTimersByTime(2000)
    gate.disagree()
    await flushPromises()
    jest.advanceTimersByTime(5000)
    expect(error).not.toHaveBeenCalled()
    await callApi(sim, 'chooseMedia')
    jest.advanceTimersByTime(2999)
    expect(error).not.toHaveBeenCalled()
    jest.advanceTimersByTime(1)
    expect(error).toHaveBeenCalledTimes(1)
  })

  it('Taro’s version is named "unknown" when the build did not define it', async () => {
    delete process.env.TARO_VERSION
    jest.useFakeTimers()
    noPages()
    const error = jest.spyOn(console, 'error').mockImplementation(() => {})
    jest.spyOn(console, 'warn').mockImplementation(() => {})
    const { sim } = await mountWithPrivacy(() => null, { portal: true })
    await callApi(sim, 'getLocation')
    jest.advanceTimersByTime(3000)
    expect(error.mock.calls[0][0]).toContain('(Taro unknown)')
  })
})

/** Issue 17: with `openOnRequired: 'always'`, every page show checks consent again. */
describe('recheckOnShow (Vue)', () => {
  async function launch(recheckOnShow?: boolean) {
    const pages = pageStack({ pages: [HOME, DETAIL] })
    pages.launch(HOME)
    const harness = await mountWithPrivacy(() => null, { sim: { needAuthorization: false }, openOnRequired: 'always', portal: { recheckOnShow } })
    const refresh = jest.spyOn(harness.plugin.store, 'refresh')
    return { pages, refresh, ...harness }
  }

  it('calls refresh() each time a page shows', async () => {
    const { pages, refresh } = await launch(true)
    await step(() => pages.launched())
    expect(refresh).toHaveBeenCalledTimes(1)
    await step(() => pages.navigateTo(DETAIL))
    await step(() => pages.navigateBack())
    expect(refresh).toHaveBeenCalledTimes(3)
    pages.cleanup()
  })

  it('is off by default', async () => {
    const { pages, refresh } = await launch()
    await step(() => pages.launched())
    await step(() => pages.navigateTo(DETAIL))
    expect(refresh).not.toHaveBeenCalled()
    pages.cleanup()
  })

  it('with openOnRequired "always": consent gone while the app ran, each page show that finds it missing opens the consent UI there', async () => {
    const { pages, sim, plugin } = await launch(true)
    const store = plugin.store
    await step(() => pages.launched())
    expect(store.getState().status).toBe('agreed')
    sim.revokeConsent()
    const detail = await step(() => pages.navigateTo(DETAIL))
    expect(store.getState()).toMatchObject({ status: 'required', visible: true })
    expect(detail.querySelector('.tp-mask')).not.toBeNull()
    await tapAgree(sim, byText('同意', detail))
    expect(store.getState()).toMatchObject({ status: 'agreed', visible: false })

    sim.revokeConsent()
    const home = await step(() => pages.navigateBack())
    expect(store.getState()).toMatchObject({ status: 'required', visible: true })
    expect(home.querySelector('.tp-mask')).not.toBeNull()
    pages.cleanup()
  })
})
