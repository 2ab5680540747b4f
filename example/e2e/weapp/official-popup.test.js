const path = require('node:path')
const { launchWeapp } = require('taro-privacy/testing/weapp')

/** The same app built with `officialPopup` (npm run build:weapp-official): WeChat shows its own popup. */
const OFFICIAL_DIST = path.resolve(__dirname, '../../dist/weapp-official')

describe('official-popup build', () => {
  let app
  afterEach(() => {
    app.close()
    expect(app.violations).toEqual([])
    expect(app.errors).toEqual([])
  })

  const start = (page, officialPopup) =>
    launchWeapp({
      dist: OFFICIAL_DIST,
      page,
      simulator: { platform: 'weapp', needAuthorization: true, contractName: '《示例隐私保护指引》', officialPopup },
    })

  test('no listener is registered: an intercepted call gets the official popup, the app renders no consent UI', async () => {
    app = await start('pages/mine/index', 'agree')
    expect(app.sim.listenerRegistrations).toBe(0)
    await app.tap('#get-werun-data')
    expect(app.sim.officialPopups).toBe(1)
    expect(app.page.consentUIs()).toHaveLength(0)
    expect(app.text()).toContain('getWeRunData：成功')
  })

  test('require() goes through the official popup; refused, the page shows its blocking screen (errno 104)', async () => {
    app = await start('pages/member/index', 'disagree')
    expect(app.sim.officialPopups).toBe(1)
    expect(app.page.consentUIs()).toHaveLength(0)
    // the official popup's refusal is the user's decision: the page's blocking screen shows
    expect(app.page.text()).toContain('你拒绝了隐私保护指引')
    expect(app.text()).not.toContain('欢迎回来')
  })

  test('agreed in the official popup, require() resolves and the status reads agreed', async () => {
    app = await start('pages/member/index', 'agree')
    expect(app.sim.officialPopups).toBe(1)
    expect(app.page.text()).toContain('欢迎回来，会员功能已可用。')
  })
})
