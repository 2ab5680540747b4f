const { useMiniProgram } = require('./session')
const { agree, consentUIs, find, tap, text } = require('./ui')

/** demo1: the proactive check (getPrivacySetting) and the contract, on the home page. */
describe('demo1: home page', () => {
  const start = useMiniProgram()

  test('shows the check result and the contract name; opens the contract', async () => {
    const { sim, mp } = await start('pages/index/index')
    const home = mp.top
    expect(text(home)).toContain('状态：需要用户同意（required）')
    expect(text(home)).toContain('隐私协议：《示例隐私保护指引》')
    expect(consentUIs(home)).toHaveLength(0)

    tap(home, '#open-contract')
    await mp.settle()
    expect(sim.contractOpens).toBe(1)
  })

  test('“阅读并同意” opens the consent UI without a platform request; agreeing updates the status', async () => {
    const { sim, mp } = await start('pages/index/index')
    const home = mp.top
    tap(home, '#open-consent')
    await mp.settle()
    expect(consentUIs(home)).toHaveLength(1)
    expect(sim.requests).toHaveLength(0)

    agree(sim, home)
    await mp.settle()

    expect(consentUIs(home)).toHaveLength(0)
    expect(sim.needAuthorization).toBe(false)
    expect(text(home)).toContain('已同意（agreed）')
    expect(() => find(home, '#open-consent')).toThrow()
  })

  test('a user who agreed before sees “已同意” and no consent UI', async () => {
    const { mp } = await start('pages/index/index', { needAuthorization: false })
    expect(text(mp.top)).toContain('已同意（agreed）')
    expect(() => find(mp.top, '#open-consent')).toThrow()
  })

  test('consent cleared (mini program deleted from “recent”): “重新查询” asks again', async () => {
    const { sim, mp } = await start('pages/index/index', { needAuthorization: false })
    sim.revokeConsent()
    tap(mp.top, '#refresh')
    await mp.settle()
    expect(text(mp.top)).toContain('需要用户同意（required）')
  })
})
