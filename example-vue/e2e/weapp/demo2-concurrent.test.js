const { useMiniProgram, resultsOf } = require('./session')

/** demo2: two privacy APIs called directly, at once, from one tap; the platform intercepts both. */
describe('demo2: getClipboardData + getLocation from one tap', () => {
  const start = useMiniProgram()

  test('both calls wait for one consent UI (the portal\'s); one agree runs each once', async () => {
    const app = await start('pages/clipboard/index')
    const page = app.page
    expect(page.consentUIs()).toHaveLength(0)

    await page.tap('#read-clipboard-and-locate')

    expect(app.sim.pending.map((request) => request.referrer)).toEqual(['getClipboardData', 'getLocation'])
    expect(page.consentUIs()).toHaveLength(1)
    expect(page.text()).toContain('《示例隐私保护指引》')
    // The consent UI was reported shown once per request.
    expect(app.requests.map((request) => request.events)).toEqual([['exposureAuthorization'], ['exposureAuthorization']])
    expect(resultsOf(app, 'getClipboardData')).toEqual([[]])

    await page.agree()

    expect(app.sim.pending).toHaveLength(0)
    expect(app.requests.map((request) => request.events)).toEqual([
      ['exposureAuthorization', 'agree'],
      ['exposureAuthorization', 'agree'],
    ])
    expect(resultsOf(app, 'getClipboardData')).toEqual([['success']])
    expect(resultsOf(app, 'getLocation')).toEqual([['success']])
    expect(page.find('#outcome-getClipboardData').dom.textContent).toBe('getClipboardData：成功')
    expect(page.find('#outcome-getLocation').dom.textContent).toBe('getLocation：成功')
    expect(page.consentUIs()).toHaveLength(0)

    // Consent is recorded: the next tap is not intercepted.
    await page.tap('#read-clipboard-and-locate')
    expect(app.requests).toHaveLength(2)
    expect(page.consentUIs()).toHaveLength(0)
    expect(resultsOf(app, 'getLocation')).toEqual([['success'], ['success']])
  })

  test('disagree fails both calls once and closes the consent UI', async () => {
    const app = await start('pages/clipboard/index')
    const page = app.page
    await page.tap('#read-clipboard-and-locate')

    await page.disagree()

    expect(app.sim.pending).toHaveLength(0)
    expect(app.requests.map((request) => request.settled)).toEqual(['disagree', 'disagree'])
    expect(app.requests.map((request) => request.events)).toEqual([
      ['exposureAuthorization', 'disagree'],
      ['exposureAuthorization', 'disagree'],
    ])
    expect(resultsOf(app, 'getClipboardData')).toEqual([['fail']])
    expect(resultsOf(app, 'getLocation')).toEqual([['fail']])
    expect(page.find('#outcome-getClipboardData').dom.textContent).toBe('getClipboardData：失败：getClipboardData:fail privacy permission is not authorized')
    expect(page.find('#outcome-getLocation').dom.textContent).toBe('getLocation：失败：getLocation:fail privacy permission is not authorized')
    expect(page.consentUIs()).toHaveLength(0)
  })
})

describe('demo2: the consent UI follows the page on top while the calls wait', () => {
  const start = useMiniProgram()

  test('navigating to another page: the portal shows the consent UI there; one agree runs both calls once', async () => {
    const app = await start('pages/clipboard/index')
    const below = app.page
    await below.tap('#read-clipboard-and-locate')
    expect(below.consentUIs()).toHaveLength(1)

    const other = await app.navigateTo('pages/location/index')

    expect(app.page).toBe(other)
    expect(other.consentUIs()).toHaveLength(1)
    expect(below.consentUIs()).toHaveLength(0)
    expect(app.sim.pending).toHaveLength(2)

    await other.agree()

    // Shown on two pages, reported once per request.
    expect(app.requests.map((request) => request.events)).toEqual([
      ['exposureAuthorization', 'agree'],
      ['exposureAuthorization', 'agree'],
    ])
    expect(resultsOf(app, 'getClipboardData')).toEqual([['success']])
    expect(resultsOf(app, 'getLocation')).toEqual([['success']])
    expect(app.pages.flatMap((page) => page.consentUIs())).toHaveLength(0)

    await app.navigateBack()
    expect(app.page.find('#outcome-getLocation').dom.textContent).toBe('getLocation：成功')
  })

  test('navigating back to the home page: its own <PrivacyModal> is the one consent UI; disagree there fails both once', async () => {
    const app = await start('pages/index/index', { needAuthorization: false })
    const home = app.page
    app.sim.revokeConsent() // e.g. the contract gained a data type since the launch check
    await app.tap('#go-clipboard')
    const clipboard = app.page
    expect(clipboard.route).toBe('pages/clipboard/index')
    await clipboard.tap('#read-clipboard-and-locate')
    expect(clipboard.consentUIs()).toHaveLength(1)

    await app.navigateBack()

    expect(app.page).toBe(home)
    expect(home.consentUIs()).toHaveLength(1)
    expect(home.text()).toContain('欢迎使用')
    expect(app.pages.flatMap((page) => page.consentUIs())).toHaveLength(1)

    await home.disagree()

    expect(app.requests.map((request) => request.settled)).toEqual(['disagree', 'disagree'])
    expect(resultsOf(app, 'getClipboardData')).toEqual([['fail']])
    expect(resultsOf(app, 'getLocation')).toEqual([['fail']])
    expect(home.consentUIs()).toHaveLength(0)
  })
})
