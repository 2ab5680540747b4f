const { useMiniProgram } = require('./session')

/** demo1: the proactive check (getPrivacySetting) on the home page, and the page's own <PrivacyModal>. */
describe('demo1: home page', () => {
  const start = useMiniProgram()

  test('shows the check result and the contract name, and opens its own consent UI at once (no platform request)', async () => {
    const app = await start('pages/index/index')
    const home = app.page
    expect(home.find('#privacy-status').dom.textContent).toBe('状态：需要用户同意（required）')
    expect(home.find('#privacy-contract').dom.textContent).toBe('隐私协议：《示例隐私保护指引》')
    // Exactly one consent UI: the page's own <PrivacyModal> (the portal stays off this page), with its slot.
    expect(home.consentUIs()).toHaveLength(1)
    expect(home.text()).toContain('欢迎使用使用前请阅读《示例隐私保护指引》，同意后即可使用全部功能。')
    expect(app.requests).toHaveLength(0)
  })

  test('the agree button compiles to a WeChat button with its id, classes and open-type', async () => {
    const app = await start('pages/index/index')
    const attribute = (name) => app.page.attribute('#home-agree', name)
    expect(attribute('openType')).toBe('agreePrivacyAuthorization')
    expect(attribute('class').split(' ')).toEqual(expect.arrayContaining(['tp-agree-button', 'tp-agree', 'home-agree']))
  })

  test('agree: the platform records consent, the @agree handler runs (the event came through Taro\'s template), the status updates', async () => {
    const app = await start('pages/index/index')
    const home = app.page

    expect(await home.agree()).toBe('home-agree')

    expect(app.sim.needAuthorization).toBe(false)
    expect(home.consentUIs()).toHaveLength(0)
    expect(home.find('#home-message').dom.textContent).toBe('感谢你的同意')
    expect(home.find('#privacy-status').dom.textContent).toBe('状态：已同意（agreed）')
    expect(() => home.find('#open-consent')).toThrow()
  })

  test('disagree closes the consent UI, the status stays required; “阅读并同意” opens it again', async () => {
    const app = await start('pages/index/index')
    const home = app.page

    await home.disagree()

    expect(home.consentUIs()).toHaveLength(0)
    expect(home.find('#home-message').dom.textContent).toBe('未同意：需要时可以点“阅读并同意隐私协议”')
    expect(home.find('#privacy-status').dom.textContent).toBe('状态：需要用户同意（required）')

    await home.tap('#open-consent')
    expect(home.consentUIs()).toHaveLength(1)
    await home.agree()
    expect(home.find('#privacy-status').dom.textContent).toBe('状态：已同意（agreed）')
    expect(app.sim.needAuthorization).toBe(false)
  })

  test('a user who agreed before sees “已同意” and no consent UI', async () => {
    const app = await start('pages/index/index', { needAuthorization: false })
    expect(app.page.find('#privacy-status').dom.textContent).toBe('状态：已同意（agreed）')
    expect(app.page.consentUIs()).toHaveLength(0)
    expect(() => app.page.find('#open-consent')).toThrow()
  })

  test('“查看隐私协议” opens the contract; consent cleared, “重新查询” asks again', async () => {
    const app = await start('pages/index/index', { needAuthorization: false })
    await app.tap('#open-contract')
    expect(app.sim.contractOpens).toBe(1)

    app.sim.revokeConsent()
    await app.tap('#refresh')

    expect(app.page.find('#privacy-status').dom.textContent).toBe('状态：需要用户同意（required）')
    expect(app.page.consentUIs()).toHaveLength(1)
  })
})
