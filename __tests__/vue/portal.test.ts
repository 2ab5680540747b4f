import { flushPromises } from '@vue/test-utils'
import { defineComponent, h, shallowRef, Teleport } from 'vue'
import { PrivacyAgreeButton, PrivacyModal, PrivacyModalPortal, type PrivacyPortalOptions } from '../../src/vue'
import { pageStack } from '../react/pages'
import { byText, callApi, click, mountWithPrivacy, tapAgree } from './utils'

const HOME = 'pages/index/index'
const DETAIL = 'pages/detail/index'
const LOGIN = 'pages/login/index'
const WEBVIEW = 'pages/webview/index'

let pages: ReturnType<typeof pageStack>

afterEach(() => {
  pages?.cleanup()
  jest.restoreAllMocks()
  document.body.innerHTML = ''
})

/** Taro's page stack with `first` launched and shown (src/ui/pages.ts reads it); returns its root. */
function launch(first = HOME, routes = [HOME, DETAIL, LOGIN, WEBVIEW]): HTMLElement {
  pages = pageStack({ pages: routes })
  const root = pages.launch(first)
  pages.launched()
  return root
}

/** A page change, then Vue renders what it changed. */
async function step<T>(change: () => T): Promise<T> {
  const result = change()
  await flushPromises()
  return result
}

/** An app with `createPrivacyPortal(options)`: a Taro Vue app has no root template to put the portal in. */
const mountApp = (portal: true | PrivacyPortalOptions = true) => mountWithPrivacy(() => null, { portal })

describe('PrivacyModalPortal (Vue)', () => {
  it('createPrivacyPortal() mounts the consent UI into the root of the page on top, and reports it shown', async () => {
    const root = launch()
    const { sim } = await mountApp()
    expect(root.innerHTML).toBe('')
    await callApi(sim, 'getLocation')
    expect(root.querySelector('.tp-mask')).not.toBeNull()
    expect(sim.requests[0].events).toEqual(['exposureAuthorization'])
    await tapAgree(sim, byText('同意', root))
    expect(sim.requests[0].settled).toBe('agree')
    expect(root.querySelector('.tp-mask')).toBeNull()
  })

  // tsc checks this file: the option's type rejected `class` and `onDisagree`, which the portal gives the modal.
  it('regression: createPrivacyPortal’s options type took neither the mask’s class nor onDisagree; both reach the modal', async () => {
    const root = launch()
    const onDisagree = jest.fn()
    const { sim } = await mountApp({ title: '隐私', class: 'mine', style: { zIndex: 9 }, dismissible: false, onDisagree })
    await callApi(sim, 'getLocation')
    expect(byText('隐私', root).className).toBe('tp-title')
    expect(root.querySelector('.tp-mask')?.classList.contains('mine')).toBe(true)
    expect(root.querySelector('.tp-mask')?.getAttribute('style')).toBe('z-index: 9;')
    await click(byText('拒绝', root))
    expect(onDisagree).toHaveBeenCalledTimes(1)
    expect(sim.requests[0].settled).toBe('disagree')
    // dismissible: false reached the modal: it stays up
    expect(root.querySelector('.tp-mask')).not.toBeNull()
  })

  it('<PrivacyModalPortal> in a component of the app: PrivacyModal’s props and slots reach the modal in the page', async () => {
    const root = launch()
    const Shell = defineComponent({
      render: () => h('main', [h(PrivacyModalPortal, { agreeText: '好' }, { title: () => h('b', '隐私提示') })]),
    })
    const { sim, wrapper } = await mountWithPrivacy(Shell)
    await callApi(sim, 'getLocation')
    // Teleported: nothing in the component's own element, the modal in the page
    expect(wrapper.find('main').text()).toBe('')
    expect(root.querySelector('.tp-title')?.innerHTML).toBe('<b>隐私提示</b>')
    await tapAgree(sim, byText('好', root))
    expect(sim.requests[0].settled).toBe('agree')
  })

  it.each([
    ['a list of routes', ['/pages/webview/index']],
    ['a test on the route', (route: string) => route.startsWith('pages/webview')],
  ])('exclude (%s) keeps the consent UI off that page; the requests wait for another page', async (_, exclude) => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const webview = launch(WEBVIEW)
    const { sim } = await mountApp({ exclude })
    await callApi(sim, 'getLocation')
    expect(webview.innerHTML).toBe('')
    expect(sim.requests[0].events).toEqual([])
    expect(warn.mock.calls).toEqual([[expect.stringContaining('no consent UI is mounted')]])

    // the user goes to another page: the consent UI shows there, and the platform hears of it
    const next = await step(() => pages.navigateTo(HOME))
    expect(next.querySelector('.tp-mask')).not.toBeNull()
    expect(webview.querySelector('.tp-mask')).toBeNull()
    expect(sim.requests[0].events).toEqual(['exposureAuthorization'])
    warn.mockRestore()
  })

  it.each([
    ['createPrivacyPortal’s ui option', (ui: ReturnType<typeof defineComponent>) => mountWithPrivacy(() => null, { portal: { ui } })],
    ['the default slot', (ui: ReturnType<typeof defineComponent>) => mountWithPrivacy(() => h(PrivacyModalPortal, null, { default: () => h(ui) }))],
  ])('renders the app’s own consent UI (%s), reports it shown (exposure) and agrees through its PrivacyAgreeButton', async (_, mount) => {
    const root = launch()
    const Sheet = defineComponent({ render: () => h('div', { class: 'my-sheet' }, [h(PrivacyAgreeButton, null, () => '好的')]) })
    const { sim } = await mount(Sheet)
    await callApi(sim, 'getLocation')
    expect(root.textContent).toBe('好的')
    expect(root.querySelector('.tp-mask')).toBeNull()
    expect(sim.requests[0].events).toEqual(['exposureAuthorization'])
    await tapAgree(sim, byText('好的', root))
    expect(sim.requests[0].settled).toBe('agree')
    expect(root.textContent).toBe('')
  })

  // Removing a child of the page root made Taro send the root's whole child list again
  // (33,724 B of setData on a page with a 200-item list): hiding only empties the host.
  it('hiding keeps the page root’s children: the host stays, empty, and is reused; a page that never showed the UI gets none', async () => {
    const home = launch()
    const { sim } = await mountApp()
    const detail = await step(() => pages.navigateTo(DETAIL))
    expect(detail.children).toHaveLength(0)
    await callApi(sim, 'getLocation')
    const host = detail.firstElementChild
    expect(host?.querySelector('.tp-mask')).not.toBeNull()
    await tapAgree(sim, byText('同意', detail))
    expect(Array.from(detail.children)).toEqual([host])
    expect(host?.innerHTML).toBe('')
    sim.revokeConsent()
    await callApi(sim, 'getLocation')
    expect(Array.from(detail.children)).toEqual([host])
    expect(host?.querySelector('.tp-mask')).not.toBeNull()
    expect(home.children).toHaveLength(0)
  })

  it('navigateBack: the closed page’s host is dropped, and the consent UI goes back into the host of the page below', async () => {
    const index = launch()
    const { sim } = await mountApp()
    await callApi(sim, 'getLocation')
    const indexHost = index.firstElementChild
    expect(indexHost?.querySelector('.tp-mask')).not.toBeNull()

    const detail = await step(() => pages.navigateTo(DETAIL))
    expect(detail.querySelector('.tp-mask')).not.toBeNull()
    expect(Array.from(index.children)).toEqual([indexHost])
    expect(indexHost?.innerHTML).toBe('')

    await step(() => pages.navigateBack())
    expect(detail.children).toHaveLength(0)
    expect(Array.from(index.children)).toEqual([indexHost])
    expect(indexHost?.querySelector('.tp-mask')).not.toBeNull()
    expect(document.querySelectorAll('.tp-mask')).toHaveLength(1)
    // exposure once for the request, however many pages showed it
    expect(sim.requests[0].events).toEqual(['exposureAuthorization'])

    await tapAgree(sim, byText('同意'))
    expect(sim.requests[0].settled).toBe('agree')
  })

  it('redirectTo while the consent UI is hidden: the replaced page’s empty host is dropped; the next request shows on the new page', async () => {
    const index = launch()
    const { sim } = await mountApp()
    await callApi(sim, 'getLocation')
    await tapAgree(sim, byText('同意'))
    expect(index.children).toHaveLength(1)

    const login = await step(() => pages.redirectTo(LOGIN))
    expect(index.children).toHaveLength(0)
    expect(login.children).toHaveLength(0)

    sim.revokeConsent()
    await callApi(sim, 'chooseMedia')
    expect(login.querySelector('.tp-mask')).not.toBeNull()
    expect(index.children).toHaveLength(0)
  })

  it('steps aside for a page that renders its own PrivacyModal: one consent UI on the page', async () => {
    const root = launch()
    const { sim } = await mountWithPrivacy(() => [h(PrivacyModalPortal), h(Teleport, { to: root }, [h(PrivacyModal, { class: 'page-own' })])])
    await callApi(sim, 'getLocation')
    const modals = root.querySelectorAll('.tp-mask')
    expect(modals).toHaveLength(1)
    expect(modals[0].classList.contains('page-own')).toBe(true)
    await tapAgree(sim, byText('同意', root))
    expect(sim.requests[0].settled).toBe('agree')
  })

  it('regression: stepped aside for a page’s own PrivacyModal, it did not take over when that one went while calls waited', async () => {
    const root = launch()
    const pageModal = shallowRef(true)
    const { sim } = await mountWithPrivacy(() => [h(PrivacyModalPortal), pageModal.value ? h(Teleport, { to: root }, [h(PrivacyModal, { class: 'page-own' })]) : null])
    await callApi(sim, 'getLocation')
    expect(root.querySelector('.tp-mask.page-own')).not.toBeNull()
    pageModal.value = false
    await flushPromises()
    const modals = root.querySelectorAll('.tp-mask')
    expect(modals).toHaveLength(1)
    expect(modals[0].classList.contains('page-own')).toBe(false)
    expect(sim.pending).toHaveLength(1)
  })
})
