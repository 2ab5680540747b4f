const { useMiniProgram } = require('./session')

/** demo3: ask for consent (requirePrivacyAuthorize) when the nickname input gets focus. */
describe('demo3: <Input type="nickname">', () => {
  const start = useMiniProgram()

  const focusNickname = (page) => page.trigger('#nickname-input', 'focus', { value: '', height: 0 })

  test('focus asks first; agree lets the user fill in the nickname', async () => {
    const app = await start('pages/nickname/index')
    const page = app.page
    await focusNickname(page)

    expect(app.sim.pending.map((request) => request.referrer)).toEqual(['requirePrivacyAuthorize'])
    expect(page.consentUIs()).toHaveLength(1)

    await page.agree()

    expect(app.requests.map((request) => request.settled)).toEqual(['agree'])
    expect(page.text()).toContain('已同意隐私保护指引，可以使用微信昵称')
    expect(page.consentUIs()).toHaveLength(0)

    // Already agreed: focusing again asks nothing, and the user types the nickname.
    await focusNickname(page)
    expect(app.requests).toHaveLength(1)
    expect(page.consentUIs()).toHaveLength(0)
    await page.input('#nickname-input', '小明')
    expect(page.text()).toContain('昵称：小明')
  })

  test('disagree: the page says the nickname cannot be used; the next focus asks again', async () => {
    const app = await start('pages/nickname/index')
    const page = app.page
    await focusNickname(page)
    await page.disagree()

    expect(app.requests.map((request) => request.settled)).toEqual(['disagree'])
    expect(page.text()).toContain('未同意隐私保护指引，无法使用微信昵称')
    expect(page.consentUIs()).toHaveLength(0)

    await focusNickname(page)
    expect(app.sim.pending).toHaveLength(1)
    expect(page.consentUIs()).toHaveLength(1)
  })
})
