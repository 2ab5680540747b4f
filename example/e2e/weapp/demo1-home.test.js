const { useMiniProgram } = require('./session')

/** demo1: the proactive check (getPrivacySetting) and the contract, on the home page. */
describe('demo1: home page', () => {
  const start = useMiniProgram()

  test('shows the check result and the contract name; opens the contract (the app\'s own page, see agreement-page.test.js)', async () => {
    const app = await start('pages/index/index')
    const home = app.page
    expect(home.text()).toContain('状态：需要用户同意（required）')
    expect(home.text()).toContain('隐私协议：《示例隐私保护指引》')
    expect(home.consentUIs()).toHaveLength(0)

    await home.tap('#open-contract')
    expect(app.page.route).toBe('pages/agreement/index')
  })

  test('“阅读并同意” opens the consent UI without a platform request; agreeing updates the status', async () => {
    const app = await start('pages/index/index')
    const home = app.page
    await home.tap('#open-consent')
    expect(home.consentUIs()).toHaveLength(1)
    expect(app.requests).toHaveLength(0)

    await home.agree()

    expect(home.consentUIs()).toHaveLength(0)
    expect(app.sim.needAuthorization).toBe(false)
    expect(home.text()).toContain('已同意（agreed）')
    expect(() => home.find('#open-consent')).toThrow()
  })

  test('a user who agreed before sees “已同意” and no consent UI', async () => {
    const app = await start('pages/index/index', { needAuthorization: false })
    expect(app.text()).toContain('已同意（agreed）')
    expect(() => app.page.find('#open-consent')).toThrow()
  })

  test('consent cleared (mini program deleted from “recent”): “重新查询” asks again', async () => {
    const app = await start('pages/index/index', { needAuthorization: false })
    app.sim.revokeConsent()
    await app.tap('#refresh')
    expect(app.text()).toContain('需要用户同意（required）')
  })
})
