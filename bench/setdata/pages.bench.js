// Issue 8, part 4: what showing and hiding the consent UI costs in setData on a one-button
// page and on a page with a 200-item list, in the bench's own Taro app (bench/size/app,
// variant "setdata": PrivacyProvider + PrivacyModalPortal, built for weapp in production
// by bench/setdata.cjs, which passes its folder as SETDATA_APP_DIST), run with the
// package's harness (taro-privacy/testing/weapp).
const fs = require('node:fs')
const path = require('node:path')
const { launchWeapp } = require(path.resolve(__dirname, '../../dist/testing/weapp.cjs'))
const { setDataLog } = require('./log')

/** Issue 8's budgets (bytes of one setData): ≤ 900 to show, ≤ 200 to hide on the long page. */
const SHOW_CEILING = 900
const HIDE_CEILING = 200

const figures = {}
const record = (key, value) => void (figures[key] = value)
afterAll(() => {
  if (process.env.SETDATA_PAGES_OUT) fs.writeFileSync(process.env.SETDATA_PAGES_OUT, JSON.stringify(figures, null, 2))
})

async function launch(page) {
  const { onPageOpen, window } = setDataLog()
  const simulator = { platform: 'weapp', baseLibrary: '3.0.0', latency: 0, needAuthorization: true }
  const mp = await launchWeapp({ dist: process.env.SETDATA_APP_DIST, page, simulator, onPageOpen })
  return { mp, window }
}

describe.each([
  ['one-button page', 'pages/index/index'],
  ['page with a 200-item list', 'pages/list/index'],
])('%s', (name, page) => {
  test('showing and hiding the consent UI: one setData each, hiding costs the same on any page', async () => {
    const { mp, window } = await launch(page)
    const outcome = { success: 0, fail: 0 }
    const getLocation = () => mp.wx.getLocation({ success: () => outcome.success++, fail: () => outcome.fail++ })
    const show = window()
    getLocation()
    await mp.settle()
    const shown = show()
    expect(mp.sim.pending).toHaveLength(1)
    const hide = window()
    await mp.agree()
    const hidden = hide()
    mp.sim.revokeConsent()
    const again = window()
    getLocation()
    await mp.settle()
    const shownAgain = again()
    record(`${name}: consent UI appears`, shown)
    record(`${name}: one agree tap, UI hides`, hidden)
    record(`${name}: appears again (host kept)`, shownAgain)
    expect(outcome.success).toBe(1)
    expect(mp.sim.pending).toHaveLength(1)
    expect([shown.calls, hidden.calls]).toEqual([1, 1])
    expect(shown.bytes).toBeLessThanOrEqual(SHOW_CEILING)
    expect(hidden.bytes).toBeLessThanOrEqual(HIDE_CEILING)
    mp.close()
  })
})
