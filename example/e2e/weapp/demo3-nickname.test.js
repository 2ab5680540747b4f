const { useMiniProgram } = require('./session')
const { agree, consentUIs, disagree, find, text } = require('./ui')

/** demo3: ask for consent (requirePrivacyAuthorize) when the nickname input gets focus. */
describe('demo3: <Input type="nickname">', () => {
  const start = useMiniProgram()

  function focusNickname(page) {
    find(page, '#nickname-input').dispatchEvent('focus', { detail: { value: '', height: 0 } })
  }

  test('focus asks first; agree lets the user fill in the nickname', async () => {
    const { sim, mp } = await start('pages/nickname/index')
    const page = mp.top
    focusNickname(page)
    await mp.settle()

    expect(sim.pending.map((request) => request.referrer)).toEqual(['requirePrivacyAuthorize'])
    expect(consentUIs(page)).toHaveLength(1)

    agree(sim, page)
    await mp.settle()

    expect(sim.requests.map((request) => request.settled)).toEqual(['agree'])
    expect(text(page)).toContain('已同意隐私保护指引，可以使用微信昵称')
    expect(consentUIs(page)).toHaveLength(0)

    // Already agreed: focusing again asks nothing.
    focusNickname(page)
    await mp.settle()
    expect(sim.requests).toHaveLength(1)
    expect(consentUIs(page)).toHaveLength(0)
  })

  test('disagree: the page says the nickname cannot be used; the next focus asks again', async () => {
    const { sim, mp } = await start('pages/nickname/index')
    const page = mp.top
    focusNickname(page)
    await mp.settle()
    disagree(page)
    await mp.settle()

    expect(sim.requests.map((request) => request.settled)).toEqual(['disagree'])
    expect(text(page)).toContain('未同意隐私保护指引，无法使用微信昵称')
    expect(consentUIs(page)).toHaveLength(0)

    focusNickname(page)
    await mp.settle()
    expect(sim.pending).toHaveLength(1)
    expect(consentUIs(page)).toHaveLength(1)
  })
})
