const { useMiniProgram } = require('./session')

/** The combined open-types: one tap agrees to the privacy guide and runs the phone / user-info flow. */
describe('phone login: PrivacyAgreeButton with combined open-types', () => {
  const start = useMiniProgram()

  test.each([
    ['#agree-phone', 'getPhoneNumber|agreePrivacyAuthorization', 'getphonenumber', 'agree-phone：手机号 已获取 code（phone-code）'],
    ['#agree-realtime-phone', 'getRealtimePhoneNumber|agreePrivacyAuthorization', 'getrealtimephonenumber', 'agree-realtime-phone：实时手机号 已获取 code（phone-code）'],
    ['#agree-user-info', 'getUserInfo|agreePrivacyAuthorization', 'getuserinfo', 'agree-user-info：头像昵称 getUserInfo:ok'],
  ])('%s delivers both the agree and the %s event', async (selector, openType, event, shown) => {
    const app = await start('pages/login/index')
    const page = app.page
    expect(page.attribute(selector, 'openType')).toBe(openType)
    expect(page.text()).toContain('当前授权状态：required')

    const detail = event === 'getuserinfo' ? { errMsg: 'getUserInfo:ok' } : { errMsg: `${event}:ok`, code: 'phone-code' }
    const id = await page.agree({ button: selector, detail })

    expect(page.text()).toContain(`${id}：已同意隐私协议`)
    expect(page.text()).toContain(shown)
    expect(page.text()).toContain('当前授权状态：agreed')
    expect(app.sim.needAuthorization).toBe(false)
  })
})
