import { createMiniProgramAdapter, createPrivacyStore } from '../../src/core'
import { createPrivacySimulator, type OfficialPopupAnswer } from '../../src/testing'
import { recordCall } from '../utils'

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

function setup(officialPopup: OfficialPopupAnswer) {
  const sim = createPrivacySimulator({ latency: 0, officialPopup })
  const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api), officialPopup: true })
  store.mount()
  return { sim, store }
}

describe('officialPopup: the platform shows its own popup, the store keeps the state', () => {
  it('registers no platform listener; a direct call is answered by the official popup, never held by the store', async () => {
    const { sim, store } = setup('agree')
    await settle()
    expect(sim.listenerRegistrations).toBe(0)
    const call = recordCall(sim, 'getLocation')
    expect(call.success).toBe(1)
    expect(sim.officialPopups).toBe(1)
    expect(store.getState()).toMatchObject({ pending: [], visible: false })
  })

  it('require() goes through requirePrivacyAuthorize: agreed in the popup, it resolves, the status is agreed and the user\'s decision recorded', async () => {
    const { sim, store } = setup('agree')
    await settle()
    expect(store.getState().status).toBe('required')
    await expect(store.require()).resolves.toBeUndefined()
    expect(sim.officialPopups).toBe(1)
    expect(store.getState()).toMatchObject({
      status: 'agreed',
      needAuthorization: false,
      visible: false,
      lastDecision: { event: 'agree', reason: 'user' },
    })
  })

  it('regression: require() waited for a re-check after the popup, and a hanging one turned agreed into a TIMEOUT error', async () => {
    const sim = createPrivacySimulator({ latency: 0, officialPopup: 'agree' })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api), officialPopup: true, checkTimeoutMs: 50 })
    store.mount()
    await settle()
    sim.setCheck('hang')
    await store.require()
    expect(store.getState()).toMatchObject({ status: 'agreed', error: null })
    await new Promise((resolve) => setTimeout(resolve, 80)) // past checkTimeoutMs
    expect(store.getState()).toMatchObject({ status: 'agreed', error: null })
  })

  it('refused in the popup: require() rejects with PRIVACY_NOT_AGREED (errno 104); the refusal is the user\'s decision', async () => {
    const { sim, store } = setup('disagree')
    await settle()
    await expect(store.require()).rejects.toMatchObject({ name: 'PrivacyError', code: 'PRIVACY_NOT_AGREED', errno: 104 })
    expect(store.getState()).toMatchObject({
      status: 'required',
      needAuthorization: true,
      pending: [],
      lastDecision: { event: 'disagree', reason: 'user' },
    })
    expect(sim.officialPopups).toBe(1)
  })

  it('cooldownMs applies to the official popup\'s refusal too: require() is refused at once, without asking the platform', async () => {
    const sim = createPrivacySimulator({ latency: 0, officialPopup: 'disagree' })
    const decisions: string[] = []
    const store = createPrivacyStore({
      adapter: createMiniProgramAdapter(sim.api),
      officialPopup: true,
      cooldownMs: 60_000,
      onDecision: (decision) => decisions.push(decision.event + ':' + decision.reason),
    })
    store.mount()
    await settle()
    await expect(store.require()).rejects.toMatchObject({ code: 'PRIVACY_NOT_AGREED' })
    await expect(store.require()).rejects.toMatchObject({ code: 'DENIED', errMsg: expect.stringContaining('cooldown') })
    expect(sim.requests).toHaveLength(1)
    expect(decisions).toEqual(['disagree:user'])
  })

  it('the platform\'s 10 s rule (as the simulator models it) reaches require(): refused again without a popup, then asked again', async () => {
    jest.useFakeTimers({ now: 1_000_000, doNotFake: ['setTimeout', 'queueMicrotask', 'nextTick', 'setImmediate'] })
    try {
      const { sim, store } = setup('disagree')
      await settle()
      await expect(store.require()).rejects.toMatchObject({ code: 'PRIVACY_NOT_AGREED' })
      sim.setOfficialPopup('agree')
      jest.setSystemTime(1_000_000 + 9_000)
      await expect(store.require()).rejects.toMatchObject({ code: 'PRIVACY_NOT_AGREED' })
      expect(sim.officialPopups).toBe(1)
      jest.setSystemTime(1_000_000 + 11_000)
      await expect(store.require()).resolves.toBeUndefined()
      expect(sim.officialPopups).toBe(2)
    } finally {
      jest.useRealTimers()
    }
  })

  it('resolves at once, without a popup, when consent is already given', async () => {
    const sim = createPrivacySimulator({ latency: 0, needAuthorization: false })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api), officialPopup: true })
    store.mount()
    await expect(store.require()).resolves.toBeUndefined()
    expect(sim.officialPopups).toBe(0)
  })
})
