const path = require('node:path')
const { launchWeapp } = require('taro-privacy/testing/weapp')
const { closeAfterEach } = require('./lifecycle')

/** The example built with consent the user cannot dismiss (npm run build:weapp-forced). */
const FORCED_DIST = path.resolve(__dirname, '../../dist/weapp-forced')
const HOME = 'pages/index/index'
const DISCOVER = 'pages/discover/index'
const CLIPBOARD = 'pages/clipboard/index'
const TAB_PAGES = [HOME, DISCOVER, 'pages/mine/index']

/**
 * WeChat's `hideTabBar` / `showTabBar`, recorded: like the base library they answer on a
 * later task, and fail when the page on top is not a tab page.
 */
function tabBar() {
  const calls = []
  const fn = (name) => (options = {}) => {
    const pages = globalThis.getCurrentPages()
    const onTabPage = TAB_PAGES.includes(pages[pages.length - 1].route)
    calls.push(onTabPage ? name : `${name}:fail`)
    const result = { errMsg: onTabPage ? `${name}:ok` : `${name}:fail not TabBar page` }
    setTimeout(() => {
      if (onTabPage) options.success?.(result)
      else options.fail?.(result)
      options.complete?.(result)
    }, 0)
  }
  return { calls, wx: { hideTabBar: fn('hideTabBar'), showTabBar: fn('showTabBar') } }
}

describe('forced consent: dismissible={false}, openOnRequired, recheckOnShow (weapp-forced build)', () => {
  let bar
  const start = closeAfterEach((page, simulator = {}) => {
    bar = tabBar()
    return launchWeapp({
      dist: FORCED_DIST,
      page,
      simulator: { platform: 'weapp', needAuthorization: true, contractName: '《示例隐私保护指引》', baseLibrary: '3.0.0', ...simulator },
      wx: bar.wx,
    })
  })

  test('consent missing at launch on a tab page: the consent UI opens and hides the native tab bar; a refusal keeps both; agreeing shows the tab bar again', async () => {
    const app = await start(HOME)
    expect(app.page.consentUIs()).toHaveLength(1)
    expect(bar.calls).toEqual(['hideTabBar'])

    await app.disagree()
    expect(app.page.consentUIs()).toHaveLength(1)
    expect(bar.calls).toEqual(['hideTabBar'])

    await app.agree()
    expect(app.page.consentUIs()).toHaveLength(0)
    expect(bar.calls).toEqual(['hideTabBar', 'showTabBar'])
  })

  test('navigating away while it shows: agreed on another page, the tab bar shows again back on the tab page, never off one', async () => {
    const app = await start(HOME)
    const home = app.page
    expect(bar.calls).toEqual(['hideTabBar'])
    const clipboard = await app.navigateTo(`/${CLIPBOARD}`)
    expect(clipboard.consentUIs()).toHaveLength(1)
    expect(home.consentUIs()).toHaveLength(0)

    await clipboard.agree()
    expect(bar.calls).toEqual(['hideTabBar'])
    await app.navigateBack()
    expect(bar.calls).toEqual(['hideTabBar', 'showTabBar'])
  })

  test('consent gone while the app runs: every page show checks again, and each check that finds it missing opens the consent UI', async () => {
    const app = await start(HOME)
    await app.agree()
    expect(app.page.consentUIs()).toHaveLength(0)
    expect(bar.calls).toEqual(['hideTabBar', 'showTabBar'])

    app.sim.revokeConsent()
    const discover = await app.switchTab(`/${DISCOVER}`)
    expect(discover.consentUIs()).toHaveLength(1)
    expect(bar.calls).toEqual(['hideTabBar', 'showTabBar', 'hideTabBar'])
    await discover.agree()
    expect(bar.calls).toEqual(['hideTabBar', 'showTabBar', 'hideTabBar', 'showTabBar'])

    app.sim.revokeConsent()
    const clipboard = await app.navigateTo(`/${CLIPBOARD}`)
    expect(clipboard.consentUIs()).toHaveLength(1)
    expect(app.requests).toEqual([])
  })
})
