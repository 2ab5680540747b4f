import { createH5Adapter, createMiniProgramAdapter, createPrivacyStore, type PrivacyDecision } from '../../src/core'
import { createPrivacySimulator } from '../../src/testing'
import { recordCall } from '../utils'

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

function setup(cooldownMs = 10_000) {
  const sim = createPrivacySimulator({ latency: 0 })
  const decisions: PrivacyDecision[] = []
  const store = createPrivacyStore({
    adapter: createMiniProgramAdapter(sim.api),
    cooldownMs,
    onDecision: (decision) => decisions.push(decision),
  })
  store.attachUI()
  return { sim, store, decisions }
}

describe('a refusal the user did not make (regression: an unmount counted as the user\'s disagree)', () => {
  it('an unmount refuses the waiting calls with reason "unmount": no lastDecision, no cooldown on remount', async () => {
    const { sim, store, decisions } = setup()
    const unmount = store.mount()
    await settle()
    const call = recordCall(sim, 'getLocation')
    unmount()
    await settle()
    expect(call).toMatchObject({ fail: 1, errMsg: expect.stringContaining('privacy permission is not authorized') })
    expect(decisions).toEqual([expect.objectContaining({ event: 'disagree', reason: 'unmount' })])
    expect(store.getState()).toMatchObject({ lastDecision: null, pending: [], visible: false })

    // remounted well inside the cooldown: the next call asks the user instead of being refused at once
    store.mount()
    const next = recordCall(sim, 'chooseMedia')
    expect(store.getState()).toMatchObject({ visible: true, pending: [expect.objectContaining({ referrer: 'chooseMedia' })] })
    expect(next).toEqual({ success: 0, fail: 0 })
  })

  it('destroy refuses the waiting calls with reason "destroy" and leaves lastDecision alone', async () => {
    const { sim, store, decisions } = setup()
    store.mount()
    await settle()
    recordCall(sim, 'getLocation')
    store.destroy()
    expect(decisions).toEqual([expect.objectContaining({ event: 'disagree', reason: 'destroy' })])
    expect(store.getState().lastDecision).toBeNull()
  })

  it('the user\'s disagree has reason "user", becomes lastDecision and starts the cooldown', async () => {
    const { sim, store, decisions } = setup()
    store.mount()
    await settle()
    recordCall(sim, 'getLocation')
    store.disagree()
    expect(decisions).toEqual([expect.objectContaining({ event: 'disagree', reason: 'user' })])
    expect(store.getState().lastDecision).toMatchObject({ event: 'disagree', reason: 'user' })
    const refusedAtOnce = recordCall(sim, 'chooseMedia')
    expect(refusedAtOnce.fail).toBe(1)
    expect(store.getState().visible).toBe(false)
  })

  it('an agree tap has reason "user"', async () => {
    const { sim, store, decisions } = setup()
    store.mount()
    await settle()
    recordCall(sim, 'getLocation')
    sim.tapAgreeButton('agree')
    store.handleAgreeEvent('agree')
    expect(decisions).toEqual([expect.objectContaining({ event: 'agree', reason: 'user', buttonId: 'agree' })])
  })
})

describe('disagree({ keepOpen: true }): consent the user cannot dismiss', () => {
  it('answers every waiting call, keeps the consent UI visible, and reports the next call as shown at once', async () => {
    const { sim, store } = setup(0)
    store.mount()
    await settle()
    const first = recordCall(sim, 'getLocation')
    store.disagree({ keepOpen: true })
    expect(first.fail).toBe(1)
    expect(store.getState()).toMatchObject({ visible: true, pending: [], lastDecision: { event: 'disagree', reason: 'user' } })

    const second = recordCall(sim, 'chooseMedia')
    expect(sim.requests[1].events).toEqual(['exposureAuthorization'])
    sim.tapAgreeButton('agree')
    store.handleAgreeEvent('agree')
    expect(second.success).toBe(1)
    expect(store.getState()).toMatchObject({ visible: false, status: 'agreed' })
    expect(sim.violations).toEqual([])
  })

  it('with nothing waiting (opened proactively) it stays up and records the refusal', async () => {
    const { store } = setup(0)
    store.mount()
    await settle()
    store.open()
    store.disagree({ keepOpen: true })
    expect(store.getState()).toMatchObject({ visible: true, lastDecision: { event: 'disagree' } })
  })
})

it('regression: a request refused because its store unmounted no longer warns that no consent UI is mounted', async () => {
  const sim = createPrivacySimulator({ latency: 0 })
  const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
  const unmount = store.mount()
  const call = recordCall(sim, 'getLocation')
  unmount() // e.g. the test's cleanup, or the app closing, before the warning's turn
  await settle()
  expect(call.fail).toBe(1)
  // the console setup fails this test on any warning
})

it('regression: a require() (h5) refused because its provider unmounted rejected as the user\'s DENIED; it is DESTROYED', async () => {
  const store = createPrivacyStore({ adapter: createH5Adapter({ storage: { getStorageSync: () => null, setStorageSync: () => {} } }) })
  store.attachUI()
  const unmount = store.mount()
  await settle()
  const waiting = store.require()
  unmount()
  await expect(waiting).rejects.toMatchObject({ code: 'DESTROYED', errMsg: 'require:fail unmount' })
  expect(store.getState().lastDecision).toBeNull()
})

it("regression: a require() (weapp) refused because its store unmounted rejected as the user's DENIED; it is DESTROYED 'require:fail unmount', as on h5", async () => {
  const { store, decisions } = setup()
  const unmount = store.mount()
  await settle()
  const waiting = store.require()
  await Promise.resolve()
  await Promise.resolve()
  expect(store.getState().pending).toEqual([expect.objectContaining({ referrer: 'requirePrivacyAuthorize' })])
  unmount()
  const error = await waiting.catch((failure: unknown) => failure)
  expect(decisions).toEqual([expect.objectContaining({ event: 'disagree', reason: 'unmount' })])
  expect(store.getState().lastDecision).toBeNull()
  expect(error).toMatchObject({ code: 'DESTROYED', errMsg: 'require:fail unmount' })
})

describe("which refusal a weapp require()'s failure is blamed on (the platform's failure arrives `latency` ms after the answer)", () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  async function mountedWithLatency() {
    const sim = createPrivacySimulator({ latency: 10 })
    const decisions: PrivacyDecision[] = []
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api), onDecision: (decision) => decisions.push(decision) })
    store.attachUI()
    const unmount = store.mount()
    await jest.advanceTimersByTimeAsync(10) // the check: consent needed
    return { sim, store, decisions, unmount }
  }

  it('refused by an unmount, it stays DESTROYED though the user refuses a later requirePrivacyAuthorize before its failure arrives', async () => {
    const { sim, store, decisions, unmount } = await mountedWithLatency()
    const waiting = store.require().catch((failure: unknown) => failure)
    await jest.advanceTimersByTimeAsync(5)
    sim.api.requirePrivacyAuthorize({}) // the app's own call (e.g. before a nickname input)
    await jest.advanceTimersByTimeAsync(5) // the require()'s interception arrives
    unmount()
    await jest.advanceTimersByTimeAsync(0) // refused by the unmount
    store.mount()
    await jest.advanceTimersByTimeAsync(5) // the app's call is intercepted; the require()'s failure is 5 ms away
    store.disagree()
    expect(decisions.map(({ reason }) => reason)).toEqual(['unmount', 'user'])
    await jest.advanceTimersByTimeAsync(10)
    expect(await waiting).toMatchObject({ code: 'DESTROYED', errMsg: 'require:fail unmount' })
  })

  it("a require() waiting when its store's last mount ends is cancelled then (DESTROYED), though its interception arrives after a remount and the user refuses that", async () => {
    const { sim, store, decisions, unmount } = await mountedWithLatency()
    sim.call('getLocation', {})
    await jest.advanceTimersByTimeAsync(5)
    const waiting = store.require().catch((failure: unknown) => failure)
    await jest.advanceTimersByTimeAsync(5) // getLocation's interception arrives
    unmount()
    await jest.advanceTimersByTimeAsync(0) // the end of the task: the require() is cancelled, getLocation refused
    expect(await waiting).toMatchObject({ code: 'DESTROYED', errMsg: 'require:fail unmount' })
    store.mount()
    await jest.advanceTimersByTimeAsync(5) // the require()'s interception arrives
    expect(store.getState().pending).toEqual([expect.objectContaining({ referrer: 'requirePrivacyAuthorize' })])
    store.disagree()
    expect(decisions.map(({ reason }) => reason)).toEqual(['unmount', 'user'])
    await jest.advanceTimersByTimeAsync(20)
    expect(sim.violations).toEqual([])
  })

  it('a remount in the same task (StrictMode) keeps a waiting require(): the user refuses it, DENIED', async () => {
    const { store, unmount } = await mountedWithLatency()
    const waiting = store.require().catch((failure: unknown) => failure)
    await jest.advanceTimersByTimeAsync(5)
    unmount()
    store.mount()
    await jest.advanceTimersByTimeAsync(10)
    store.disagree()
    await jest.advanceTimersByTimeAsync(20)
    expect(await waiting).toMatchObject({ code: 'DENIED' })
  })

  it('regression (was a known limitation): two require()s at once across an unmount are both cancelled by it, DESTROYED, whichever interception the user refuses after the remount', async () => {
    const { store, decisions, unmount } = await mountedWithLatency()
    const first = store.require().catch((failure: unknown) => failure)
    await jest.advanceTimersByTimeAsync(5)
    const second = store.require().catch((failure: unknown) => failure)
    await jest.advanceTimersByTimeAsync(5) // the first's interception arrives
    unmount()
    await jest.advanceTimersByTimeAsync(0) // refused by the unmount
    store.mount()
    await jest.advanceTimersByTimeAsync(5) // the second's interception arrives
    store.disagree()
    expect(decisions.map(({ reason, requests }) => [reason, requests.length])).toEqual([['unmount', 1], ['user', 1]])
    await jest.advanceTimersByTimeAsync(20)
    expect(await first).toMatchObject({ code: 'DESTROYED', errMsg: 'require:fail unmount' })
    expect(await second).toMatchObject({ code: 'DESTROYED', errMsg: 'require:fail unmount' })
    // a require() made after the remount is the user's to refuse
    const third = store.require().catch((failure: unknown) => failure)
    await jest.advanceTimersByTimeAsync(10)
    store.disagree()
    await jest.advanceTimersByTimeAsync(20)
    expect(await third).toMatchObject({ code: 'DENIED' })
  })

  it("regression (was a known limitation): a require() whose store unmounts before the platform's interception arrives rejects DESTROYED (as on h5), not the user's DENIED", async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const { store, decisions, unmount } = await mountedWithLatency()
    const waiting = store.require().catch((failure: unknown) => failure)
    await jest.advanceTimersByTimeAsync(5)
    unmount()
    await jest.advanceTimersByTimeAsync(40)
    expect(decisions).toEqual([])
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"requirePrivacyAuthorize" needed privacy consent while no PrivacyProvider'))
    expect(await waiting).toMatchObject({ code: 'DESTROYED', errMsg: 'require:fail unmount' })
  })
})
