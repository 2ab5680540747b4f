const { useMiniProgram } = require('./session')

/** A page that needs consent: refused, it shows a blocking screen whose button opens the consent UI again. */
describe('refused → blocking screen → agree', () => {
  const start = useMiniProgram()

  test('the page asks on open; a refusal shows the blocking screen; asking again and agreeing shows the page', async () => {
    const app = await start('pages/index/index')
    const member = await app.navigateTo('/pages/member/index')
    expect(member.consentUIs()).toHaveLength(1)
    expect(app.sim.pending.map((request) => request.referrer)).toEqual(['requirePrivacyAuthorize'])

    await member.disagree()
    expect(member.text()).toContain('你拒绝了隐私保护指引')
    expect(member.consentUIs()).toHaveLength(0)
    expect(app.requests[0].events).toEqual(['exposureAuthorization', 'disagree'])

    await member.tap('#ask-again')
    expect(member.consentUIs()).toHaveLength(1)
    expect(app.sim.pending).toHaveLength(0) // open() creates no platform request

    await member.agree()
    expect(member.consentUIs()).toHaveLength(0)
    expect(member.text()).toContain('欢迎回来，会员功能已可用。')
    expect(app.sim.needAuthorization).toBe(false)
  })

  test('a user who agreed before goes straight to the page', async () => {
    const app = await start('pages/member/index', { needAuthorization: false })
    expect(app.page.text()).toContain('欢迎回来')
    expect(app.requests).toHaveLength(0)
  })
})
