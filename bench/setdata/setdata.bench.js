// Issue 5, part 3: setData traffic of a page of the compiled weapp example, rendered by
// miniprogram-simulate through the package's harness (taro-privacy/testing/weapp, as
// the example's e2e tests use it). Run by `node bench/setdata.cjs` (or `npm run bench`),
// which prints the figures this writes to $SETDATA_OUT.
//
// The page is pages/clipboard/index: the app's <PrivacyProvider modal> portals the
// consent UI into it. Privacy calls are made through the app's `wx` (the simulated
// platform), as the app's own code would.
const fs = require('node:fs')
const path = require('node:path')
const { launchWeapp } = require(path.resolve(__dirname, '../../dist/testing/weapp.cjs'))
const { setDataLog } = require('./log')

const WEAPP_DIST = path.resolve(__dirname, '../../example/dist/weapp')

const PAGE = 'pages/clipboard/index'
/** One per consent-UI node: its part class (`tp-mask`, `tp-panel`, …). */
const CONSENT_CLASS = /(?<=[" ])tp-(?:mask|panel|title|body|link|actions|agree|disagree)(?=[" ])/g

/** Launches the app on PAGE (settled) and counts every setData of that page from the first render on. */
async function launch(simOptions) {
  const { onPageOpen, window } = setDataLog()
  // latency 0: the platform answers synchronously, as when these figures were first taken.
  const simulator = { platform: 'weapp', baseLibrary: '3.0.0', latency: 0, ...simOptions }
  const mp = await launchWeapp({ dist: WEAPP_DIST, page: PAGE, simulator, onPageOpen })
  const { sim, page } = mp
  /** Nodes of the consent UI in the page's data (what the view layer holds). */
  const consentNodes = () => (JSON.stringify(page.instance.data).match(CONSENT_CLASS) ?? []).length
  return { sim, mp, page, window, consentNodes }
}

function call(mp, outcomes, api = 'getLocation') {
  mp.wx[api]({ success: () => outcomes.success++, fail: () => outcomes.fail++ })
}

const figures = {}
const record = (key, value) => void (figures[key] = value)

afterAll(() => {
  const out = process.env.SETDATA_OUT
  const built = fs.statSync(path.join(WEAPP_DIST, 'app.js')).mtime.toISOString()
  if (out) fs.writeFileSync(out, JSON.stringify({ page: PAGE, exampleBuiltAt: built, figures }, null, 2))
})

test('(a) nothing pending: the hidden consent UI costs 0 nodes, and consented privacy calls cost 0 setData', async () => {
  const { mp, page, window, consentNodes } = await launch({ needAuthorization: true })
  const launched = window(0)()
  record('launch (consent missing, nothing pending)', { ...launched, consentNodes: consentNodes(), consentUIs: page.consentUIs().length })
  expect(consentNodes()).toBe(0)
  mp.close()

  const consented = await launch({ needAuthorization: false })
  const outcomes = { success: 0, fail: 0 }
  const calls = consented.window()
  for (let i = 0; i < 50; i++) call(consented.mp, outcomes)
  await consented.mp.settle()
  record('50 privacy calls with consent already given', { ...calls(), consentNodes: consented.consentNodes(), succeeded: outcomes.success })
  expect(outcomes.success).toBe(50)
  expect(calls().calls).toBe(0)
  consented.mp.close()
})

test.each([1, 50])('(b) %i privacy calls in the same tick: the consent UI appears with O(1) setData calls; one agree releases all', async (n) => {
  const { sim, mp, page, window, consentNodes } = await launch({ needAuthorization: true })
  const outcomes = { success: 0, fail: 0 }
  const show = window()
  for (let i = 0; i < n; i++) call(mp, outcomes, i % 2 ? 'getClipboardData' : 'getLocation')
  await mp.settle()
  const shown = show()
  record(`${n} call${n > 1 ? 's' : ''} in one tick: consent UI appears`, { ...shown, consentNodes: consentNodes(), pending: sim.pending.length, consentUIs: page.consentUIs().length })
  expect(sim.pending).toHaveLength(n)
  expect(page.consentUIs()).toHaveLength(1)
  expect(shown.calls).toBeLessThanOrEqual(2)

  const hide = window()
  await page.agree()
  record(`${n} call${n > 1 ? 's' : ''}: one agree tap, UI hides`, { ...hide(), consentNodes: consentNodes(), succeeded: outcomes.success })
  expect(outcomes).toEqual({ success: n, fail: 0 })
  expect(consentNodes()).toBe(0)
  expect(sim.violations).toEqual([])
  mp.close()
})

test('(c) 50 privacy calls one per tick: after the first, arrivals cost no setData (the UI does not change)', async () => {
  const { sim, mp, page, window, consentNodes } = await launch({ needAuthorization: true })
  const outcomes = { success: 0, fail: 0 }
  const spread = window()
  for (let i = 0; i < 50; i++) {
    call(mp, outcomes)
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  await mp.settle()
  record('50 calls, one per tick: consent UI appears', { ...spread(), consentNodes: consentNodes(), pending: sim.pending.length })
  expect(page.consentUIs()).toHaveLength(1)
  expect(spread().calls).toBeLessThanOrEqual(2)
  await page.agree()
  expect(outcomes.success).toBe(50)
  mp.close()
})
