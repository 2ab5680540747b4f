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

  it('require() goes through requirePrivacyAuthorize: agreed in the popup, it resolves and the status is read again', async () => {
    const { sim, store } = setup('agree')
    await settle()
    expect(store.getState().status).toBe('required')
    await expect(store.require()).resolves.toBeUndefined()
    expect(sim.officialPopups).toBe(1)
    await settle()
    expect(store.getState()).toMatchObject({ status: 'agreed', needAuthorization: false, visible: false })
  })

  it('refused in the popup: require() rejects with PRIVACY_NOT_AGREED (errno 104), the status stays required', async () => {
    const { sim, store } = setup('disagree')
    await settle()
    await expect(store.require()).rejects.toMatchObject({ name: 'PrivacyError', code: 'PRIVACY_NOT_AGREED', errno: 104 })
    await settle()
    expect(store.getState()).toMatchObject({ status: 'required', needAuthorization: true, pending: [] })
    expect(sim.officialPopups).toBe(1)
  })

  it('the 10 s rule: within 10 s of a refusal the platform refuses again without a popup', async () => {
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
