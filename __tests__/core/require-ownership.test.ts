// Who answers a require(): the store that owns it settles it, with the code of what the store
// knows happened (issue 15, bugs 1, 2, 6 and the unsupported agree).
import { createMiniProgramAdapter, createPrivacyStore, type PlatformResolution, type PrivacyAdapter, type PrivacyDecision } from '../../src/core'
import { createUnsupportedAdapter } from '../../src/platform/unsupported'
import { createPrivacySimulator } from '../../src/testing'

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

/** How a require() has ended so far: 'waiting', 'resolved' or 'rejected <code>'. */
function outcomeOf(waiting: Promise<void>): { now: string } {
  const outcome = { now: 'waiting' }
  waiting.then(
    () => (outcome.now = 'resolved'),
    (error) => (outcome.now = 'rejected ' + error.code),
  )
  return outcome
}

describe('regression: exposure taken as a refusal (an adapter that reports exposure but has no requireAuthorize)', () => {
  function exposingAdapter(): { adapter: PrivacyAdapter; answers: PlatformResolution[] } {
    const answers: PlatformResolution[] = []
    const adapter: PrivacyAdapter = {
      platform: 'weapp',
      reportsExposure: true,
      agreeEvent: 'agreePrivacyAuthorization',
      getSetting: () => Promise.resolve({ needAuthorization: true, contractName: '《指引》' }),
      listen: () => {},
      openContract: () => Promise.resolve(),
    }
    return { adapter, answers }
  }

  it('require() waits for the user with the consent UI attached, and an agree tap resolves it', async () => {
    const { adapter } = exposingAdapter()
    const store = createPrivacyStore({ adapter })
    store.attachUI()
    store.mount()
    await settle()
    const outcome = outcomeOf(store.require())
    await settle()
    expect(outcome.now).toBe('waiting')
    expect(store.getState()).toMatchObject({ visible: true, pending: [expect.objectContaining({ referrer: 'require' })] })
    store.handleAgreeEvent('agree')
    await settle()
    expect(outcome.now).toBe('resolved')
    expect(store.getState().pending).toEqual([])
  })

  it('the same through createMiniProgramAdapter over a platform object without requirePrivacyAuthorize', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const api = Object.assign({}, sim.api, { requirePrivacyAuthorize: undefined })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(api) })
    store.attachUI()
    store.mount()
    await settle()
    const waiting = store.require()
    await settle()
    store.disagree()
    await expect(waiting).rejects.toMatchObject({ code: 'DENIED' })
  })
})

describe("regression: the user's DENIED for a require() whose interception a later store refused by unmounting", () => {
  it("the page store's calls go to the app store when the page store unmounts; the require() waits there for the user", async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const adapter = createMiniProgramAdapter(sim.api)
    const decisions: [string, PrivacyDecision['reason']][] = []
    const appStore = createPrivacyStore({ adapter, onDecision: (decision) => decisions.push(['app', decision.reason]) })
    const pageStore = createPrivacyStore({ adapter, onDecision: (decision) => decisions.push(['page', decision.reason]) })
    appStore.attachUI()
    pageStore.attachUI()
    appStore.mount()
    await settle()
    const unmountPage = pageStore.mount()
    await settle()
    const outcome = outcomeOf(appStore.require())
    await settle()
    expect(pageStore.getState().pending).toEqual([expect.objectContaining({ referrer: 'requirePrivacyAuthorize' })])
    unmountPage()
    await settle()
    expect(outcome.now).toBe('waiting')
    expect(decisions).toEqual([])
    expect(appStore.getState()).toMatchObject({ visible: true, pending: [expect.objectContaining({ referrer: 'requirePrivacyAuthorize' })] })
    // exposure was reported once, by the page store's UI: not again after the hand-over
    expect(sim.requests[0].events).toEqual(['exposureAuthorization'])
    appStore.disagree()
    await settle()
    expect(outcome.now).toBe('rejected DENIED')
    expect(decisions).toEqual([['app', 'user']])
    expect(sim.violations).toEqual([])
  })

  it('with no store mounted before it, an unmount refuses the calls itself (reason "unmount")', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const decisions: PrivacyDecision[] = []
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api), onDecision: (decision) => decisions.push(decision) })
    const unmount = store.mount()
    await settle()
    sim.call('getLocation')
    unmount()
    await settle()
    expect(decisions.map(({ reason }) => reason)).toEqual(['unmount'])
    expect(sim.pending).toEqual([])
  })
})

describe('regression: a refusal in the consent UI rejected PRIVACY_NOT_AGREED when the platform added errno 104', () => {
  it.each([
    ['errno 104 (an independent model of the base library)', 104],
    ['no errno (what the guide promises nothing about)', null],
  ])('require() refused in the package UI rejects DENIED with %s', async (_, disagreeErrno) => {
    const sim = createPrivacySimulator({ latency: 0, disagreeErrno })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
    store.attachUI()
    store.mount()
    await settle()
    const waiting = store.require()
    await settle()
    store.disagree()
    const error = await waiting.catch((failure: unknown) => failure)
    expect(error).toMatchObject({ code: 'DENIED', errno: disagreeErrno ?? undefined })
  })

  it('the platform really adds errno 104 by default (the app sees it on its own call)', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
    store.mount()
    await settle()
    let failure: unknown
    sim.call('getLocation', { fail: (result) => (failure = result) })
    store.disagree()
    expect(failure).toEqual({ errMsg: 'getLocation:fail privacy permission is not authorized', errno: 104 })
  })
})

it('regression: an agree tap on a platform with no privacy API turned status unsupported into agreed', async () => {
  const store = createPrivacyStore({ adapter: createUnsupportedAdapter() })
  store.mount()
  await settle()
  store.open()
  store.handleAgreeEvent('agree')
  expect(store.getState()).toMatchObject({ status: 'unsupported', visible: false, lastDecision: { event: 'agree' } })
})
