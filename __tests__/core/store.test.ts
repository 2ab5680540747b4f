import { createH5Adapter, createMiniProgramAdapter, createPrivacyStore, PrivacyError, type PrivacyStore } from '../../src/core'
import { createPrivacySimulator, type PrivacySimulator, type PrivacySimulatorOptions } from '../../src/testing'
import { expectDevelopmentWarnings, recordCall as call } from '../utils'

// Many stores here have no consent UI attached; the warning that says so is asserted in the tests about it.
expectDevelopmentWarnings()

function setup(simOptions: PrivacySimulatorOptions = {}, storeOptions: { cooldownMs?: number; checkTimeoutMs?: number } = {}) {
  const sim = createPrivacySimulator({ latency: 0, ...simOptions })
  const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api, simOptions.platform), ...storeOptions })
  const unmount = store.mount()
  // a consent UI on screen (PrivacyModal attaches itself the same way)
  store.attachUI()
  return { sim, store, unmount }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

function tap(sim: PrivacySimulator, store: PrivacyStore, buttonId = 'agree-btn') {
  sim.tapAgreeButton(buttonId)
  store.handleAgreeEvent(buttonId)
}

/** A store on the h5 adapter (no platform gate, no requirePrivacyAuthorize: require() waits on the UI). */
function h5Setup(storeOptions: { cooldownMs?: number } = {}, { agreed = false, mount = true } = {}) {
  const saved = new Map<string, unknown>()
  const storage = { getStorageSync: (key: string) => saved.get(key), setStorageSync: (key: string, value: unknown) => void saved.set(key, value) }
  if (agreed) storage.setStorageSync('taro-privacy:consent', { version: '1', at: 0 })
  const store = createPrivacyStore({ adapter: createH5Adapter({ storage }), ...storeOptions })
  const unmount = mount ? store.mount() : () => {}
  return { store, saved, unmount }
}

/** A platform whose getPrivacySetting answers (success or fail, with any contract name) when the test says. */
function scriptedChecks(sim: PrivacySimulator) {
  const answers: { success?: (result: unknown) => void; fail?: (failure: unknown) => void }[] = []
  const api = { ...sim.api, getPrivacySetting: (options: (typeof answers)[number]) => void answers.push(options) }
  return { api, answers }
}

describe('initial check', () => {
  it('reports required with the contract name from getPrivacySetting', async () => {
    const { store } = setup({ contractName: '《测试指引》' })
    expect(store.getState().status).toBe('checking')
    await settle()
    expect(store.getState()).toMatchObject({ status: 'required', needAuthorization: true, contractName: '《测试指引》' })
  })

  it('reports agreed when the user already agreed', async () => {
    const { store } = setup({ needAuthorization: false })
    await settle()
    expect(store.getState()).toMatchObject({ status: 'agreed', needAuthorization: false, visible: false })
  })

  it('does not open the consent UI by itself on a required check', async () => {
    const { store } = setup()
    await settle()
    expect(store.getState().visible).toBe(false)
  })

  it('opens on a required check when openOnRequired is set', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api), openOnRequired: true })
    store.mount()
    await settle()
    expect(store.getState().visible).toBe(true)
  })
})

describe('concurrent intercepted calls', () => {
  it('releases three calls with one agree tap, in arrival order, each resolve called once with the button id', async () => {
    const { sim, store } = setup()
    await settle()
    const outcomes = ['getClipboardData', 'getLocation', 'chooseMedia'].map((name) => call(sim, name))
    expect(store.getState().pending.map((request) => request.referrer)).toEqual([
      'getClipboardData',
      'getLocation',
      'chooseMedia',
    ])
    expect(store.getState().visible).toBe(true)

    tap(sim, store, 'my-agree')

    expect(outcomes).toEqual([1, 2, 3].map(() => ({ success: 1, fail: 0 })))
    expect(sim.requests.map((request) => request.events)).toEqual([
      ['exposureAuthorization', 'agree'],
      ['exposureAuthorization', 'agree'],
      ['exposureAuthorization', 'agree'],
    ])
    expect(store.getState().lastDecision).toMatchObject({ event: 'agree', buttonId: 'my-agree' })
    expect(store.getState().lastDecision?.requests.map((request) => request.referrer)).toEqual([
      'getClipboardData',
      'getLocation',
      'chooseMedia',
    ])
    expect(store.getState()).toMatchObject({ status: 'agreed', needAuthorization: false, visible: false, pending: [] })
    expect(sim.violations).toEqual([])
  })

  it('sends agree only after the tap of the named button (regression: agree with a stale button id)', async () => {
    const { sim, store } = setup()
    const outcome = call(sim, 'getLocation')
    store.handleAgreeEvent('never-tapped')
    expect(outcome.fail).toBe(1)
    expect(sim.violations).toEqual([expect.stringContaining('never tapped')])
  })
})

describe('exposureAuthorization', () => {
  it('is sent once per request when the UI first shows it, before the decision', async () => {
    const { sim, store } = setup()
    call(sim, 'getLocation')
    store.open()
    call(sim, 'chooseMedia')
    store.open()
    expect(sim.requests.map((request) => request.events)).toEqual([['exposureAuthorization'], ['exposureAuthorization']])
    tap(sim, store)
    expect(sim.requests.map((request) => request.events)).toEqual([
      ['exposureAuthorization', 'agree'],
      ['exposureAuthorization', 'agree'],
    ])
  })

  it('is not sent while no consent UI is attached, and is sent once when one attaches (regression: exposure with nothing on screen)', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const sim = createPrivacySimulator({ latency: 0 })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
    store.mount()
    call(sim, 'getLocation')
    await settle()
    expect(sim.requests[0].events).toEqual([])
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/"getLocation" is waiting for consent but no consent UI is mounted/))
    const detach = store.attachUI()
    store.attachUI()
    expect(sim.requests[0].events).toEqual(['exposureAuthorization'])
    detach()
    call(sim, 'chooseMedia')
    expect(sim.requests[1].events).toEqual(['exposureAuthorization'])
    warn.mockRestore()
  })

  it('gives no missing-UI warning when a consent UI attaches later in the same task, and reports exposure then', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      const sim = createPrivacySimulator({ latency: 0 })
      const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
      store.mount()
      call(sim, 'getLocation')
      expect(sim.requests[0].events).toEqual([])
      store.attachUI()
      expect(sim.requests[0].events).toEqual(['exposureAuthorization'])
      await settle()
      expect(warn).not.toHaveBeenCalledWith(expect.stringMatching(/no consent UI is mounted/))
    } finally {
      warn.mockRestore()
    }
  })

  it('a detach function called twice detaches its own UI only: another attached UI still counts', () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
    store.mount()
    const detach = store.attachUI()
    store.attachUI()
    detach()
    detach()
    call(sim, 'getLocation')
    expect(sim.requests[0].events).toEqual(['exposureAuthorization'])
  })

  it('is not sent on alipay, whose resolve accepts only agree or disagree', () => {
    const { sim, store } = setup({ platform: 'alipay' })
    call(sim, 'getLocation')
    tap(sim, store)
    expect(sim.requests[0].events).toEqual(['agree'])
    expect(sim.violations).toEqual([])
  })
})

describe('disagree', () => {
  it('fails every pending call once and rejects require() with a PrivacyError', async () => {
    const { sim, store } = setup()
    await settle()
    const outcomes = [call(sim, 'getLocation'), call(sim, 'getClipboardData')]
    const required = store.require()
    await settle()
    store.disagree()
    await expect(required).rejects.toMatchObject({ name: 'PrivacyError', code: 'DENIED' })
    expect(outcomes.map((outcome) => outcome.fail)).toEqual([1, 1])
    expect(sim.requests.every((request) => request.settled === 'disagree')).toBe(true)
    expect(store.getState()).toMatchObject({ status: 'required', visible: false, pending: [] })
    expect(store.getState().lastDecision?.event).toBe('disagree')
  })

  it('never resolves a request twice on a double tap or a late disagree', async () => {
    const { sim, store } = setup()
    const outcome = call(sim, 'getLocation')
    tap(sim, store)
    tap(sim, store)
    store.disagree()
    expect(outcome).toEqual({ success: 1, fail: 0 })
    expect(sim.requests[0].events).toEqual(['exposureAuthorization', 'agree'])
    expect(sim.violations).toEqual([])
  })

  it('refuses new requests at once inside the cooldown, and asks again after it', () => {
    jest.useFakeTimers()
    try {
      const { sim, store } = setup({}, { cooldownMs: 10_000 })
      call(sim, 'getLocation')
      store.disagree()
      const refused = call(sim, 'getLocation')
      expect(refused.fail).toBe(1)
      expect(sim.requests[1].events).toEqual(['disagree'])
      expect(sim.violations).toEqual([])
      expect(store.getState().visible).toBe(false)
      jest.advanceTimersByTime(10_000)
      call(sim, 'getLocation')
      expect(store.getState().visible).toBe(true)
    } finally {
      jest.useRealTimers()
    }
  })
})

describe('disagree without a platform gate (h5)', () => {
  it('rejects a waiting require() with DENIED', async () => {
    const { store } = h5Setup()
    const required = store.require()
    await settle()
    expect(store.getState().visible).toBe(true)
    store.disagree()
    await expect(required).rejects.toMatchObject({ name: 'PrivacyError', code: 'DENIED' })
    expect(store.getState()).toMatchObject({ status: 'required', visible: false })
  })

  it('require() inside the cooldown rejects with DENIED at once, without showing the UI', async () => {
    jest.useFakeTimers()
    try {
      const { store } = h5Setup({ cooldownMs: 10_000 })
      await jest.advanceTimersByTimeAsync(0)
      const first = store.require()
      await jest.advanceTimersByTimeAsync(0)
      store.disagree()
      await expect(first).rejects.toMatchObject({ code: 'DENIED' })
      let refused: string | undefined
      store.require().then(
        () => (refused = 'resolved'),
        (error: PrivacyError) => (refused = error.code),
      )
      await jest.advanceTimersByTimeAsync(0)
      expect(refused).toBe('DENIED')
      expect(store.getState().visible).toBe(false)
      jest.advanceTimersByTime(10_000)
      const later = store.require()
      await jest.advanceTimersByTimeAsync(0)
      expect(store.getState().visible).toBe(true)
      store.disagree()
      await expect(later).rejects.toMatchObject({ code: 'DENIED' })
    } finally {
      jest.useRealTimers()
    }
  })
})

describe('nothing left pending', () => {
  it('unmount settles pending requests as disagree by the end of the task', async () => {
    const { sim, unmount } = setup()
    const outcome = call(sim, 'getLocation')
    unmount()
    await settle()
    expect(outcome.fail).toBe(1)
    expect(sim.pending).toEqual([])
  })

  it('an unmount followed by a mount in the same task (StrictMode) keeps the pending requests', async () => {
    const { sim, store, unmount } = setup()
    const outcome = call(sim, 'getLocation')
    unmount()
    store.mount()
    await settle()
    expect(store.getState().pending).toHaveLength(1)
    tap(sim, store)
    expect(outcome).toEqual({ success: 1, fail: 0 })
  })

  it('destroy settles pending requests and rejects require() with DESTROYED', async () => {
    const { sim, store } = setup({ platform: 'weapp' })
    const outcome = call(sim, 'getLocation')
    const required = store.require()
    await settle()
    store.destroy()
    expect(outcome.fail).toBe(1)
    await expect(required).rejects.toMatchObject({ code: 'DESTROYED' })
    await expect(store.require()).rejects.toMatchObject({ code: 'DESTROYED' })
  })

  it('require() on a destroyed store rejects with DESTROYED at once, without asking the platform', async () => {
    jest.useFakeTimers()
    try {
      const { api, answers } = scriptedChecks(createPrivacySimulator({ latency: 0 }))
      const neverMounted = createPrivacyStore({ adapter: createMiniProgramAdapter(api) })
      neverMounted.destroy()
      let refused: string | undefined
      neverMounted.require().catch((error: PrivacyError) => (refused = error.code))
      await jest.advanceTimersByTimeAsync(0)
      expect(refused).toBe('DESTROYED')
      expect(answers).toHaveLength(0)

      // destroyed while its check hangs: no wait for the check's timeout
      const hanging = createPrivacySimulator({ latency: 0 })
      hanging.setCheck('hang')
      const store = createPrivacyStore({ adapter: createMiniProgramAdapter(hanging.api) })
      store.mount()
      store.destroy()
      let outcome: string | undefined
      store.require().catch((error: PrivacyError) => (outcome = error.code))
      await jest.advanceTimersByTimeAsync(0)
      expect(outcome).toBe('DESTROYED')
    } finally {
      jest.useRealTimers()
    }
  })

  it('destroyed while require() waits for the check or for the platform: no platform call afterwards, and the state stays as destroy left it', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const { api, answers } = scriptedChecks(sim)
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(api) })
    store.mount()
    const required = store.require()
    store.destroy()
    answers[0].success?.({ needAuthorization: true })
    await expect(required).rejects.toMatchObject({ code: 'DESTROYED' })
    expect(sim.requests).toEqual([])

    // requirePrivacyAuthorize answers (consent was already given) after destroy
    const agreedSim = createPrivacySimulator({ latency: 0, needAuthorization: false })
    agreedSim.setCheck('fail')
    const other = createPrivacyStore({ adapter: createMiniProgramAdapter(agreedSim.api) })
    other.mount()
    await settle()
    expect(other.getState().status).toBe('error')
    const answered = other.require()
    other.destroy()
    const before = other.getState()
    await answered.catch(() => {})
    expect(other.getState()).toBe(before)
  })

  it('destroy drops the subscribers: nothing is notified afterwards, not even a failing openContract', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const api = { ...sim.api, openPrivacyContract: (options: { fail?: (failure: unknown) => void }) => options.fail?.({ errMsg: 'openPrivacyContract:fail' }) }
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(api) })
    store.mount()
    await settle()
    const listener = jest.fn()
    store.subscribe(listener)
    store.destroy()
    await store.openContract()
    await settle()
    expect(listener).not.toHaveBeenCalled()
  })

  it('openContract() after destroy does nothing: no platform call, no state change', async () => {
    const { sim, store } = setup()
    await settle()
    store.destroy()
    const before = store.getState()
    await store.openContract()
    expect(sim.contractOpens).toBe(0)
    expect(store.getState()).toBe(before)
  })

  it('destroy rejects a require() waiting on the UI (h5) with DESTROYED', async () => {
    const { store } = h5Setup()
    const required = store.require()
    await settle()
    store.destroy()
    await expect(required).rejects.toMatchObject({ name: 'PrivacyError', code: 'DESTROYED' })
  })

  it('a destroyed store no longer receives requests: they are answered disagree by the end of the task', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const { sim, store } = setup()
    await settle()
    store.destroy()
    const outcome = call(sim, 'getLocation')
    await settle()
    expect(outcome).toMatchObject({ success: 0, fail: 1 })
    expect(sim.pending).toEqual([])
    warn.mockRestore()
  })

  it('a store mounted twice keeps its pending requests until its last mount goes', async () => {
    const { sim, store, unmount } = setup()
    const unmountAgain = store.mount()
    const outcome = call(sim, 'getLocation')
    unmount()
    await settle()
    expect(outcome).toEqual({ success: 0, fail: 0 })
    expect(store.getState().pending).toHaveLength(1)
    unmountAgain()
    await settle()
    expect(outcome.fail).toBe(1)
    expect(sim.pending).toEqual([])
  })

  it('a store mounted twice and unmounted once still receives new requests (each mount is removed on its own)', async () => {
    const { sim, store, unmount } = setup()
    store.mount()
    unmount()
    const outcome = call(sim, 'getLocation')
    await settle()
    expect(store.getState().pending.map((request) => request.referrer)).toEqual(['getLocation'])
    tap(sim, store)
    expect(outcome).toEqual({ success: 1, fail: 0 })
  })

  it('a request held for a mount that throws when refused does not stop the other held requests from being refused', () => {
    jest.useFakeTimers()
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      const listeners: ((resolve: (result: { event: string }) => void, info: { referrer: string }) => void)[] = []
      const api = { getPrivacySetting: () => {}, onNeedPrivacyAuthorization: (listener: (typeof listeners)[number]) => listeners.push(listener) }
      createPrivacyStore({ adapter: createMiniProgramAdapter(api as never) })
      const settled: string[] = []
      listeners[0](() => {
        throw new Error('broken resolve')
      }, { referrer: 'a' })
      listeners[0]((result) => settled.push(result.event), { referrer: 'b' })
      expect(() => jest.advanceTimersByTime(0)).not.toThrow()
      expect(settled).toEqual(['disagree'])
    } finally {
      warn.mockRestore()
      jest.useRealTimers()
    }
  })

  it('a privacy call made while a held request is being handed to the mounting store reaches that store too', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    let nested: ReturnType<typeof call> | undefined
    let asked = false
    const store = createPrivacyStore({
      adapter: createMiniProgramAdapter(sim.api),
      // user code reacting to the first request with another privacy call, synchronously
      onRequest: () => {
        if (asked) return
        asked = true
        nested = call(sim, 'getClipboardData')
      },
    })
    const outcome = call(sim, 'getLocation')
    store.mount()
    await settle()
    expect(store.getState().pending.map((request) => request.referrer)).toEqual(['getLocation', 'getClipboardData'])
    tap(sim, store)
    expect([outcome, nested]).toEqual([
      { success: 1, fail: 0 },
      { success: 1, fail: 0 },
    ])
  })

  it('answers disagree by the end of the task, with a warning naming the referrer, when no store is live', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const { sim, unmount } = setup()
    unmount()
    const outcome = call(sim, 'getClipboardData')
    expect(outcome.fail).toBe(0)
    await settle()
    expect(outcome.fail).toBe(1)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"getClipboardData"'))
    warn.mockRestore()
  })

  it('a call made just before the store mounts (a child effect runs before its provider) reaches the store (regression)', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
    const outcome = call(sim, 'getLocation')
    store.mount()
    expect(store.getState().pending.map((request) => request.referrer)).toEqual(['getLocation'])
    await settle()
    sim.tapAgreeButton('late-agree')
    store.handleAgreeEvent('late-agree')
    expect(outcome).toMatchObject({ success: 1, fail: 0 })
  })

  it('routes requests to the most recently mounted store, and back when it unmounts', () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const adapter = createMiniProgramAdapter(sim.api)
    const first = createPrivacyStore({ adapter })
    const second = createPrivacyStore({ adapter })
    first.mount()
    const unmountSecond = second.mount()
    call(sim, 'getLocation')
    expect([first.getState().pending.length, second.getState().pending.length]).toEqual([0, 1])
    unmountSecond()
    call(sim, 'getLocation')
    expect(first.getState().pending.length).toBe(1)
    expect(sim.listenerRegistrations).toBe(1)
    first.destroy()
    second.destroy()
  })

  it('when the most recent mount of a store mounted twice goes, routes to the store mounted in between', () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const adapter = createMiniProgramAdapter(sim.api)
    const first = createPrivacyStore({ adapter })
    const second = createPrivacyStore({ adapter })
    first.mount()
    second.mount()
    const unmountFirstAgain = first.mount()
    unmountFirstAgain()
    call(sim, 'getLocation')
    expect([first.getState().pending.length, second.getState().pending.length]).toEqual([0, 1])
    second.destroy()
  })
})

describe('platform failures never throw into the app', () => {
  it('getPrivacySetting failing gives status error with a PrivacyError', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    sim.setCheck('fail')
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
    store.mount()
    await settle()
    expect(store.getState().status).toBe('error')
    expect(store.getState().error).toBeInstanceOf(PrivacyError)
  })

  it('getPrivacySetting never answering gives status error after the bounded wait, and require() still works', async () => {
    jest.useFakeTimers()
    try {
      const sim = createPrivacySimulator({ latency: 0 })
      sim.setCheck('hang')
      const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api), checkTimeoutMs: 3000 })
      store.mount()
      await jest.advanceTimersByTimeAsync(2999)
      expect(store.getState().status).toBe('checking')
      await jest.advanceTimersByTimeAsync(1)
      expect(store.getState()).toMatchObject({ status: 'error', error: { code: 'TIMEOUT' } })

      const required = store.require()
      await jest.advanceTimersByTimeAsync(0)
      expect(store.getState().pending.map((request) => request.referrer)).toEqual(['requirePrivacyAuthorize'])
      tap(sim, store)
      await expect(required).resolves.toBeUndefined()
      expect(store.getState().status).toBe('agreed')
    } finally {
      jest.useRealTimers()
    }
  })

  it('a check that answered leaves no timer behind: its timeout is cleared', async () => {
    jest.useFakeTimers()
    try {
      const sim = createPrivacySimulator({ latency: 0 })
      const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
      store.mount()
      await jest.advanceTimersByTimeAsync(0)
      expect(store.getState().status).toBe('required')
      expect(jest.getTimerCount()).toBe(0)
      store.destroy()
    } finally {
      jest.useRealTimers()
    }
  })

  it('a platform resolve that throws does not stop the other requests from settling, and its error is thrown again in a later task', () => {
    jest.useFakeTimers()
    try {
      const listeners: ((resolve: (result: unknown) => void, info: { referrer: string }) => void)[] = []
      const settled: string[] = []
      const api = {
        getPrivacySetting: () => {},
        onNeedPrivacyAuthorization: (listener: (typeof listeners)[number]) => listeners.push(listener),
      }
      const store = createPrivacyStore({ adapter: createMiniProgramAdapter(api as never) })
      store.mount()
      store.attachUI()
      listeners[0](() => {
        throw new Error('broken resolve')
      }, { referrer: 'a' })
      listeners[0]((result) => settled.push((result as { event: string }).event), { referrer: 'b' })
      store.disagree()
      expect(settled).toEqual(['exposureAuthorization', 'disagree'])
      expect(store.getState().pending).toEqual([])
      expect(() => jest.runOnlyPendingTimers()).toThrow('broken resolve')
    } finally {
      jest.useRealTimers()
    }
  })

  it("regression: an onRequest or onDecision that threw vanished in production; the flow goes on and each error is thrown again in a later task (the app's onError sees it)", () => {
    jest.useFakeTimers()
    try {
      const sim = createPrivacySimulator({ latency: 0 })
      let thrown = 0
      const boom = () => {
        throw new Error('boom ' + ++thrown)
      }
      const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api), onRequest: boom, onDecision: boom })
      store.mount()
      const outcome = call(sim, 'getLocation')
      tap(sim, store)
      expect(outcome.success).toBe(1)
      const errors: string[] = []
      while (jest.getTimerCount()) {
        try {
          jest.advanceTimersToNextTimer()
        } catch (error) {
          errors.push((error as Error).message)
        }
      }
      expect(errors).toEqual(['boom 1', 'boom 2'])
    } finally {
      jest.useRealTimers()
    }
  })

  it('a subscriber that throws does not stop the others; its error is thrown again in a later task', () => {
    jest.useFakeTimers()
    try {
      const sim = createPrivacySimulator({ latency: 0 })
      const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
      const seen: boolean[] = []
      store.subscribe(() => {
        throw new Error('bad subscriber')
      })
      store.subscribe(() => seen.push(store.getState().visible))
      store.open()
      expect(seen).toEqual([true])
      expect(() => jest.runOnlyPendingTimers()).toThrow('bad subscriber')
    } finally {
      jest.useRealTimers()
    }
  })
})

describe('base library below 2.32.3', () => {
  it('is unsupported, gates nothing and require() resolves at once', async () => {
    const { sim, store } = setup({ baseLibrary: '2.32.2' })
    await settle()
    expect(store.getState()).toMatchObject({ status: 'unsupported', error: null })
    await expect(store.require()).resolves.toBeUndefined()
    expect(call(sim, 'getLocation').success).toBe(1)
  })
})

describe('require()', () => {
  it('waits for the check, then resolves at once when already agreed', async () => {
    const { sim, store } = setup({ needAuthorization: false })
    await expect(store.require()).resolves.toBeUndefined()
    expect(sim.requests).toEqual([])
  })

  it('records agreed when requirePrivacyAuthorize succeeds with nothing intercepted (after a failed check)', async () => {
    const sim = createPrivacySimulator({ latency: 0, needAuthorization: false })
    sim.setCheck('fail')
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
    store.mount()
    await settle()
    expect(store.getState().status).toBe('error')
    await expect(store.require()).resolves.toBeUndefined()
    expect(store.getState()).toMatchObject({ status: 'agreed', needAuthorization: false })
    expect(sim.requests).toEqual([])
  })

  it('before mount, still runs the check and resolves at once when consent is already kept (h5)', async () => {
    const { store } = h5Setup({}, { agreed: true, mount: false })
    await expect(store.require()).resolves.toBeUndefined()
    expect(store.getState()).toMatchObject({ status: 'agreed', visible: false })
  })

  it('before mount on h5, asks as a request of its own ("require"), refused by the end of the task unless the store mounts in it', async () => {
    const unmounted = h5Setup({}, { mount: false }).store
    const seen: string[][] = []
    unmounted.subscribe(() => seen.push(unmounted.getState().pending.map((request) => request.referrer)))
    // refused because nothing was mounted, not by the user: DESTROYED, not DENIED
    await expect(unmounted.require()).rejects.toMatchObject({ name: 'PrivacyError', code: 'DESTROYED', errMsg: 'require:fail unmount' })
    expect(seen).toContainEqual(['require'])
    // refused because nothing was mounted, not by the user
    expect(unmounted.getState()).toMatchObject({ pending: [], visible: false, lastDecision: null })

    // mounted in the same task as the request: it waits for the user
    const { store } = h5Setup({}, { mount: false })
    const unsubscribe = store.subscribe(() => {
      if (store.getState().pending.length) {
        unsubscribe()
        store.mount()
      }
    })
    const required = store.require()
    await settle()
    await settle()
    expect(store.getState().pending.map((request) => request.referrer)).toEqual(['require'])
    store.handleAgreeEvent('h5-agree')
    await expect(required).resolves.toBeUndefined()
  })

  it('goes through requirePrivacyAuthorize and resolves on agree', async () => {
    const { sim, store } = setup()
    const required = store.require()
    await settle()
    expect(store.getState().visible).toBe(true)
    tap(sim, store)
    await expect(required).resolves.toBeUndefined()
    expect(sim.requests.map((request) => request.referrer)).toEqual(['requirePrivacyAuthorize'])
  })

  it('asks again when consent was invalidated after an agree', async () => {
    const { sim, store } = setup()
    call(sim, 'getLocation')
    tap(sim, store)
    expect(store.getState().status).toBe('agreed')
    sim.revokeConsent()
    call(sim, 'getLocation')
    expect(store.getState()).toMatchObject({ status: 'required', needAuthorization: true, visible: true })
  })

  it('a check answer that lands after an interception keeps status required', async () => {
    const { sim, store } = setup({ needAuthorization: false })
    // The check was sent at mount and answered "agreed"; consent is lost before the answer lands.
    sim.revokeConsent()
    call(sim, 'getLocation')
    await settle()
    expect(store.getState()).toMatchObject({ status: 'required', needAuthorization: true, visible: true })
    expect(store.getState().pending).toHaveLength(1)
  })

  it('only the newly declared APIs ask again after the guide gains data types', async () => {
    const { sim, store } = setup({ declared: ['getLocation'] })
    call(sim, 'getLocation')
    tap(sim, store)
    sim.declare('chooseMedia')
    expect(call(sim, 'getLocation').success).toBe(1)
    call(sim, 'chooseMedia')
    expect(store.getState().pending.map((request) => request.referrer)).toEqual(['chooseMedia'])
  })

  it('an undeclared API fails with errno 112 and is not intercepted', () => {
    const { sim, store } = setup({ declared: ['getLocation'] })
    const outcome = call(sim, 'chooseMedia')
    expect(outcome.errMsg).toMatch(/scope is not declared/)
    expect(store.getState().pending).toEqual([])
  })
})

/** The platform computes each getPrivacySetting answer when asked, and delivers it when the test says. */
function deferredChecks(sim: PrivacySimulator) {
  const deliveries: (() => void)[] = []
  const api = {
    ...sim.api,
    getPrivacySetting: (options: { success?: (result: unknown) => void }) =>
      sim.api.getPrivacySetting({ success: (result) => void deliveries.push(() => options.success?.(result)) }),
  }
  return { api, deliveries }
}

describe('stale check answers', () => {
  it('a refresh answered after the user agreed does not undo the agree (regression)', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const { api, deliveries } = deferredChecks(sim)
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(api) })
    store.mount()
    deliveries.shift()!()
    await settle()
    const refreshed = store.refresh()
    call(sim, 'getLocation')
    tap(sim, store, 'b')
    deliveries.shift()!()
    await refreshed
    expect(store.getState()).toMatchObject({ status: 'agreed', needAuthorization: false })
  })

  it('only the newest of two overlapping checks decides the status', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const { api, deliveries } = deferredChecks(sim)
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(api) })
    store.mount()
    sim.tapAgreeButton('b')
    store.refresh()
    const [older, newer] = deliveries
    newer()
    await settle()
    older()
    await settle()
    expect(store.getState()).toMatchObject({ status: 'agreed', needAuthorization: false })
  })
})

describe('stale check answers (status ignored, contract name kept)', () => {
  it('a stale answer does not decide the status, but a contract name it carries is kept, and one without a name erases nothing', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const { api, answers } = scriptedChecks(sim)
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(api) })
    store.mount()
    store.refresh()
    answers[1].success?.({ needAuthorization: false, privacyContractName: '《甲》' })
    await settle()
    expect(store.getState()).toMatchObject({ status: 'agreed', contractName: '《甲》' })
    answers[0].success?.({ needAuthorization: true })
    await settle()
    expect(store.getState()).toMatchObject({ status: 'agreed', needAuthorization: false, contractName: '《甲》' })

    store.refresh()
    store.refresh()
    answers[3].success?.({ needAuthorization: false })
    await settle()
    answers[2].success?.({ needAuthorization: true, privacyContractName: '《乙》' })
    await settle()
    expect(store.getState()).toMatchObject({ status: 'agreed', needAuthorization: false, contractName: '《乙》' })
  })

  it('a check answered after the user agreed still brings the contract name', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const { api, answers } = scriptedChecks(sim)
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(api) })
    store.mount()
    store.attachUI()
    call(sim, 'getLocation')
    tap(sim, store)
    answers[0].success?.({ needAuthorization: true, privacyContractName: '《甲》' })
    await settle()
    expect(store.getState()).toMatchObject({ status: 'agreed', contractName: '《甲》' })
  })

  it('a stale check that fails does not turn an agreed status into error', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const { api, answers } = scriptedChecks(sim)
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(api) })
    store.mount()
    store.refresh()
    answers[1].success?.({ needAuthorization: false })
    await settle()
    answers[0].fail?.({ errMsg: 'getPrivacySetting:fail' })
    await settle()
    expect(store.getState()).toMatchObject({ status: 'agreed', error: null })
  })

  it('an answer landing after destroy changes nothing', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const { api, answers } = scriptedChecks(sim)
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(api) })
    store.mount()
    store.destroy()
    const before = store.getState()
    answers[0].success?.({ needAuthorization: true, privacyContractName: '《甲》' })
    await settle()
    expect(store.getState()).toBe(before)
  })
})

describe('snapshots', () => {
  it('are immutable and keep identity until something changes', async () => {
    const { sim, store } = setup()
    await settle()
    const before = store.getState()
    store.disagree()
    store.refresh()
    await settle()
    expect(store.getState()).toBe(before)
    call(sim, 'getLocation')
    const after = store.getState()
    expect(after).not.toBe(before)
    expect(before.pending).toEqual([])
  })

  it('a tap on an agree button while agreed with nothing pending changes nothing and makes no decision', async () => {
    const sim = createPrivacySimulator({ latency: 0, needAuthorization: false })
    const onDecision = jest.fn()
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api), onDecision })
    store.mount()
    await settle()
    const before = store.getState()
    expect(before.status).toBe('agreed')
    tap(sim, store, 'phone-login')
    expect(store.getState()).toBe(before)
    expect(onDecision).not.toHaveBeenCalled()
  })

  it('notifies subscribers only on change', async () => {
    const { sim, store } = setup()
    await settle()
    const listener = jest.fn()
    store.subscribe(listener)
    store.disagree()
    await store.refresh()
    expect(listener).not.toHaveBeenCalled()
    call(sim, 'getLocation')
    expect(listener).toHaveBeenCalledTimes(1)
  })
})
