// Tests written against mutants that survived `npm run test:mutation` (issue 15): each one
// pins a behaviour of the core no other test asserted. docs/benchmarks.md, "Mutation
// testing", lists the survivors left as equivalent, with the reason.
import { PrivacyError, toPrivacyError, type PrivacyErrorCode } from '../../src/core'

describe('PrivacyError messages say what happened (development build)', () => {
  it.each<[PrivacyErrorCode, RegExp]>([
    ['SCOPE_UNDECLARED', /errno 112.*用户隐私保护指引/],
    ['USER_REJECTED', /rejected the official authorization popup \(errno 103\)/],
    ['PRIVACY_NOT_AGREED', /did not agree .* official popup \(errno 104\)/],
    ['DENIED', /did not agree to the privacy contract/],
    ['UNSUPPORTED', /no privacy authorization API .*2\.32\.3/],
    ['TIMEOUT', /did not answer in time/],
    ['DESTROYED', /destroyed .* before the user decided/],
    ['PLATFORM_ERROR', /platform call failed/],
  ])('%s', (code, hint) => {
    const error = new PrivacyError(code)
    expect(error.message).toMatch(new RegExp(`^\\[taro-privacy\\] ${code}: `))
    expect(error.message).toMatch(hint)
    expect(error.message).not.toMatch(/\(undefined\)|\(\)$/)
  })
})

describe('toPrivacyError reads every shape a platform fails with', () => {
  it('a bare string is the message', () => {
    expect(toPrivacyError('getLocation:fail privacy permission is not authorized')).toMatchObject({
      code: 'DENIED',
      errMsg: 'getLocation:fail privacy permission is not authorized',
      errno: undefined,
    })
  })

  it('errCode (older base libraries) is read as the errno', () => {
    expect(toPrivacyError({ errMsg: 'getLocation:fail auth deny', errCode: 103 })).toMatchObject({ code: 'USER_REJECTED', errno: 103 })
  })

  it('errno comes before errCode, errMsg before errorMessage and message', () => {
    expect(toPrivacyError({ errno: 112, errCode: 103, errMsg: 'a', errorMessage: 'b', message: 'c' })).toMatchObject({
      code: 'SCOPE_UNDECLARED',
      errno: 112,
      errMsg: 'a',
    })
    expect(toPrivacyError({ errorMessage: 'b', message: 'c' })).toMatchObject({ errMsg: 'b' })
  })

  it('an errno it does not know falls back to the message', () => {
    expect(toPrivacyError({ errno: 1026, errMsg: 'x:fail api scope is not declared in the privacy agreement' })).toMatchObject({
      code: 'SCOPE_UNDECLARED',
      errno: 1026,
    })
    expect(toPrivacyError({ errno: 1026, errMsg: 'x:fail system error' })).toMatchObject({ code: 'PLATFORM_ERROR', errno: 1026 })
  })

  it('"not supported" in any case is UNSUPPORTED', () => {
    expect(toPrivacyError({ errMsg: 'getPrivacySetting:fail API Not Supported' }).code).toBe('UNSUPPORTED')
    expect(toPrivacyError({ errMsg: 'getPrivacySetting:fail not support' }).code).toBe('UNSUPPORTED')
  })

  it('a non-string message or non-number errno is ignored, not copied', () => {
    expect(toPrivacyError({ errMsg: 42, errno: '112' })).toMatchObject({ code: 'PLATFORM_ERROR', errMsg: undefined, errno: undefined })
  })
})

// ---------------------------------------------------------------------------------------
// The store
// ---------------------------------------------------------------------------------------
import { createH5Adapter, createMiniProgramAdapter, createPrivacyStore, type PrivacyStoreOptions } from '../../src/core'
import { createPrivacySimulator, type PrivacySimulatorOptions } from '../../src/testing'
import { recordCall } from '../utils'

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

function weapp(storeOptions: Omit<PrivacyStoreOptions, 'adapter'> = {}, simOptions: PrivacySimulatorOptions = {}) {
  const sim = createPrivacySimulator({ latency: 0, ...simOptions })
  const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api), ...storeOptions })
  const unmount = store.mount()
  const detach = store.attachUI()
  return { sim, store, unmount, detach }
}

function tap(sim: ReturnType<typeof createPrivacySimulator>, store: ReturnType<typeof createPrivacyStore>, buttonId = 'agree-btn') {
  sim.tapAgreeButton(buttonId)
  store.handleAgreeEvent(buttonId)
}

describe('createPrivacyStore checks its callback options (development build)', () => {
  let warn: jest.SpyInstance
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
  })
  afterEach(() => warn.mockRestore())

  it.each(['onRequest', 'onDecision', 'openContract'] as const)('%s that is not a function: a warning naming it, and it is never called', async (name) => {
    const { sim, store } = weapp({ [name]: 'not a function' } as never)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0][0]).toBe(`[taro-privacy] createPrivacyStore: ${name} must be a function; got string. It will not be called.`)
    await settle()
    // the flow goes on, and nothing throws later (a call of the string would be rethrown in a later task)
    const call = recordCall(sim, 'getLocation')
    tap(sim, store)
    await settle()
    expect(call.success).toBe(1)
    expect(sim.violations).toEqual([])
    expect(warn).toHaveBeenCalledTimes(1)
  })

  it('functions and undefined: no warning', () => {
    weapp({ onRequest: () => {}, onDecision: undefined, openContract: () => {} })
    expect(warn).not.toHaveBeenCalled()
  })

  it('a production build does not check', () => {
    const env = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    try {
      weapp({ onRequest: 42 as never })
    } finally {
      process.env.NODE_ENV = env
    }
    expect(warn).not.toHaveBeenCalled()
  })
})

describe('cooldownMs', () => {
  afterEach(() => jest.useRealTimers())

  it('refuses new requests for exactly cooldownMs after a disagree, then asks again', async () => {
    jest.useFakeTimers({ now: 1_000_000 })
    const { sim, store } = weapp({ cooldownMs: 10_000 })
    await jest.advanceTimersByTimeAsync(0)
    recordCall(sim, 'getLocation')
    store.disagree()
    jest.setSystemTime(1_000_000 + 9_999)
    const inside = recordCall(sim, 'getLocation')
    expect(inside.fail).toBe(1)
    expect(store.getState().pending).toHaveLength(0)
    jest.setSystemTime(1_000_000 + 10_000)
    const after = recordCall(sim, 'getLocation')
    expect(after.fail).toBe(0)
    expect(store.getState()).toMatchObject({ visible: true, pending: [expect.objectContaining({ referrer: 'getLocation' })] })
  })

  it('does not start after an agree', async () => {
    const { sim, store } = weapp({ cooldownMs: 60_000 })
    await settle()
    recordCall(sim, 'getLocation')
    tap(sim, store)
    sim.revokeConsent()
    const next = recordCall(sim, 'getLocation')
    expect(next.fail).toBe(0)
    expect(store.getState().pending).toHaveLength(1)
  })

  it('does not start after a refusal the user did not make (an unmount hands nothing on)', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const adapter = createMiniProgramAdapter(sim.api)
    const first = createPrivacyStore({ adapter, cooldownMs: 60_000 })
    const unmount = first.mount()
    first.attachUI()
    await settle()
    const refused = recordCall(sim, 'getLocation')
    unmount()
    await settle()
    expect(refused.fail).toBe(1)
    first.mount()
    const next = recordCall(sim, 'getLocation')
    expect(next.fail).toBe(0)
    expect(first.getState().pending).toHaveLength(1)
  })
})

describe("openOnRequired: 'always'", () => {
  afterEach(() => jest.useRealTimers())

  it('opens on every required check, also after a refusal, but not inside the cooldown', async () => {
    jest.useFakeTimers({ now: 5_000_000 })
    const sim = createPrivacySimulator({ latency: 0 })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api), openOnRequired: 'always', cooldownMs: 10_000 })
    store.mount()
    await jest.advanceTimersByTimeAsync(0)
    expect(store.getState().visible).toBe(true)
    store.disagree()
    await store.refresh()
    expect(store.getState().visible).toBe(false)
    jest.setSystemTime(5_000_000 + 10_000)
    await store.refresh()
    expect(store.getState().visible).toBe(true)
    store.disagree()
    jest.setSystemTime(5_000_000 + 30_000)
    await store.refresh()
    expect(store.getState().visible).toBe(true)
  })

  it('does not open on an agreed check', async () => {
    const sim = createPrivacySimulator({ latency: 0, needAuthorization: false })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api), openOnRequired: 'always' })
    store.mount()
    await settle()
    expect(store.getState()).toMatchObject({ status: 'agreed', visible: false })
  })
})

describe('the initial check', () => {
  afterEach(() => jest.useRealTimers())

  it('times out after 5000 ms by default: status error with a TIMEOUT error saying how long it waited', async () => {
    jest.useFakeTimers()
    const sim = createPrivacySimulator({ latency: 0 })
    const api = { ...sim.api, getPrivacySetting: () => {} }
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(api) })
    store.mount()
    await jest.advanceTimersByTimeAsync(4_999)
    expect(store.getState().status).toBe('checking')
    await jest.advanceTimersByTimeAsync(1)
    expect(store.getState()).toMatchObject({ status: 'error', error: expect.objectContaining({ code: 'TIMEOUT', errMsg: 'no answer after 5000 ms' }) })
  })

  it('an answer after a timeout clears the error', async () => {
    jest.useFakeTimers()
    const sim = createPrivacySimulator({ latency: 0 })
    const answers: ((result: unknown) => void)[] = []
    const api = { ...sim.api, getPrivacySetting: ({ success }: { success: (result: unknown) => void }) => void answers.push(success) }
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(api), checkTimeoutMs: 100 })
    store.mount()
    await jest.advanceTimersByTimeAsync(100)
    expect(store.getState().status).toBe('error')
    const refreshed = store.refresh()
    answers[1]({ needAuthorization: false, privacyContractName: '《指引》' })
    await refreshed
    expect(store.getState()).toMatchObject({ status: 'agreed', error: null, contractName: '《指引》' })
  })
})

describe('store state', () => {
  it('the first snapshot: checking, nothing pending, nothing shown, no contract name yet', () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
    expect(store.getState()).toStrictEqual({
      pending: [],
      platform: 'weapp',
      status: 'checking',
      needAuthorization: false,
      contractName: '',
      visible: false,
      lastDecision: null,
      error: null,
    })
  })

  it('`pending` keeps its identity until the queue changes (selectors on it do not re-render)', async () => {
    const { sim, store } = weapp()
    await settle()
    const empty = store.getState().pending
    store.open()
    expect(store.getState().visible).toBe(true)
    expect(store.getState().pending).toBe(empty)
    store.disagree()
    expect(store.getState().visible).toBe(false)
    expect(store.getState().pending).toBe(empty)
    recordCall(sim, 'getLocation')
    const one = store.getState().pending
    expect(one).toHaveLength(1)
    store.open()
    store.getState()
    expect(store.getState().pending).toBe(one)
  })

  it('a failing check while a call is waiting keeps status required', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const { api, answers } = scripted(sim)
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(api) })
    store.mount()
    store.attachUI()
    recordCall(sim, 'getLocation')
    answers[0].fail!({ errMsg: 'getPrivacySetting:fail system error' })
    await settle()
    expect(store.getState()).toMatchObject({ status: 'required', pending: [expect.anything()] })
  })

  it('a check answered before an agree tap, but arriving after it and a newer check started, is stale', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const { api, answers } = scripted(sim)
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(api) })
    store.mount()
    store.attachUI()
    recordCall(sim, 'getLocation')
    tap(sim, store)
    void store.refresh()
    answers[0].success!({ needAuthorization: true, privacyContractName: '《旧》' })
    await settle()
    expect(store.getState()).toMatchObject({ status: 'agreed', needAuthorization: false, contractName: '《旧》' })
    answers[1].success!({ needAuthorization: false, privacyContractName: '《新》' })
    await settle()
    expect(store.getState()).toMatchObject({ status: 'agreed', contractName: '《新》' })
  })

  it('an agree tap with the UI closed and nothing pending still records consent when it was required', async () => {
    const { sim, store } = weapp()
    const decisions: unknown[] = []
    store.subscribe(() => decisions.push(store.getState().lastDecision))
    await settle()
    expect(store.getState()).toMatchObject({ status: 'required', visible: false, pending: [] })
    tap(sim, store)
    expect(store.getState()).toMatchObject({ status: 'agreed', needAuthorization: false, lastDecision: { event: 'agree', buttonId: 'agree-btn' } })
  })

  it('an agree tap while already agreed, hidden and with nothing pending is not a new decision', async () => {
    const onDecision = jest.fn()
    const { sim, store } = weapp({ onDecision }, { needAuthorization: false })
    await settle()
    tap(sim, store)
    expect(onDecision).not.toHaveBeenCalled()
    expect(store.getState().lastDecision).toBeNull()
  })
})

/** A platform whose getPrivacySetting answers when the test says. */
function scripted(sim: ReturnType<typeof createPrivacySimulator>) {
  const answers: { success?: (result: unknown) => void; fail?: (failure: unknown) => void }[] = []
  const api = { ...sim.api, getPrivacySetting: (options: (typeof answers)[number]) => void answers.push(options) }
  return { api, answers }
}

describe('answers sent to the platform', () => {
  it('disagree is exactly { event: "disagree" } (no buttonId key)', async () => {
    const resolutions: object[] = []
    let listener!: (resolve: (result: object) => void, info: { referrer: string }) => void
    const api = {
      getPrivacySetting: ({ success }: { success: (result: unknown) => void }) => success({ needAuthorization: true }),
      onNeedPrivacyAuthorization: (fn: typeof listener) => void (listener = fn),
      openPrivacyContract: () => {},
    }
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(api) })
    store.mount()
    store.attachUI()
    listener((result) => void resolutions.push(result), { referrer: 'getLocation' })
    store.disagree()
    expect(resolutions.filter((result) => (result as { event: string }).event !== 'exposureAuthorization')).toStrictEqual([{ event: 'disagree' }])
  })

  it('an interception without eventInfo is listed with referrer "unknown"', () => {
    let listener!: (resolve: (result: object) => void, info?: { referrer?: string }) => void
    const api = {
      getPrivacySetting: () => {},
      onNeedPrivacyAuthorization: (fn: typeof listener) => void (listener = fn),
    }
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(api) })
    store.mount()
    store.attachUI()
    listener(() => {})
    listener(() => {}, {})
    expect(store.getState().pending.map((request) => request.referrer)).toEqual(['unknown', 'unknown'])
  })
})

describe('require() on weapp (requirePrivacyAuthorize)', () => {
  it('one decision per agree: the platform call resolving after the tap adds no second one', async () => {
    const onDecision = jest.fn()
    const { sim, store } = weapp({ onDecision })
    await settle()
    const required = store.require()
    await settle()
    tap(sim, store)
    await expect(required).resolves.toBeUndefined()
    await settle()
    expect(onDecision).toHaveBeenCalledTimes(1)
  })

  it('a platform failure that is not a refusal keeps its own code (not DENIED)', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const api = { ...sim.api, requirePrivacyAuthorize: ({ fail }: { fail: (failure: unknown) => void }) => fail({ errMsg: 'requirePrivacyAuthorize:fail system error', errno: 5 }) }
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(api) })
    store.mount()
    await settle()
    await expect(store.require()).rejects.toMatchObject({ code: 'PLATFORM_ERROR', errno: 5 })
  })

  it('after destroy() it rejects DESTROYED with errMsg "require:fail destroy"', async () => {
    const { store } = weapp()
    store.destroy()
    await expect(store.require()).rejects.toMatchObject({ code: 'DESTROYED', errMsg: 'require:fail destroy' })
  })
})

describe('officialPopup stores', () => {
  it.each([
    ['USER_REJECTED (103)', 103, 'auth deny'],
    ['PRIVACY_NOT_AGREED (104)', 104, 'privacy permission is not authorized'],
  ])('a refusal in the official popup, %s, is the user\'s disagree', async (_, errno, text) => {
    const sim = createPrivacySimulator({ latency: 0 })
    const api = { ...sim.api, requirePrivacyAuthorize: ({ fail }: { fail: (failure: unknown) => void }) => fail({ errMsg: 'requirePrivacyAuthorize:fail ' + text, errno }) }
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(api), officialPopup: true })
    store.mount()
    await settle()
    await expect(store.require()).rejects.toMatchObject({ errno })
    expect(store.getState().lastDecision).toMatchObject({ event: 'disagree', reason: 'user' })
  })

  it('any other failure of the official popup is no decision', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const api = { ...sim.api, requirePrivacyAuthorize: ({ fail }: { fail: (failure: unknown) => void }) => fail({ errMsg: 'requirePrivacyAuthorize:fail system error', errno: 5 }) }
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(api), officialPopup: true })
    store.mount()
    await settle()
    await expect(store.require()).rejects.toMatchObject({ code: 'PLATFORM_ERROR' })
    expect(store.getState().lastDecision).toBeNull()
  })

  it('require() on a store that is not mounted waits for the official popup (nothing of its own to release)', async () => {
    const sim = createPrivacySimulator({ latency: 5, officialPopup: 'agree' })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api), officialPopup: true })
    await expect(store.require()).resolves.toBeUndefined()
  })

  it('unmounting does not throw (it has no route to remove)', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api), officialPopup: true })
    const unmount = store.mount()
    expect(unmount).not.toThrow()
  })
})

describe('mount, unmount, attachUI, destroy', () => {
  it('mounting again does not check again', async () => {
    const { sim, store } = weapp()
    store.mount()
    await settle()
    expect(sim.calls.filter((call) => call.api === 'getPrivacySetting')).toHaveLength(1)
  })

  it('an unmount function called twice ends only its own mount', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
    const first = store.mount()
    store.mount()
    store.attachUI()
    await settle()
    const call = recordCall(sim, 'getLocation')
    first()
    first()
    await settle()
    expect(call.fail).toBe(0)
    expect(store.getState().pending).toHaveLength(1)
  })

  it('mount() after destroy() throws DESTROYED', () => {
    const { store } = weapp()
    store.destroy()
    expect(() => store.mount()).toThrow(expect.objectContaining({ code: 'DESTROYED', errMsg: 'mount() after destroy()' }))
  })

  it('after destroy(): taps record nothing, open() shows nothing', async () => {
    const saved = new Map<string, unknown>()
    const storage = { getStorageSync: (key: string) => saved.get(key), setStorageSync: (key: string, value: unknown) => void saved.set(key, value) }
    const store = createPrivacyStore({ adapter: createH5Adapter({ storage }) })
    store.mount()
    await settle()
    store.destroy()
    store.handleAgreeEvent('agree')
    store.open()
    expect(saved.size).toBe(0)
    expect(store.getState()).toMatchObject({ status: 'required', visible: false, lastDecision: null })
  })

  it('destroy() while mounted removes its route: the next call goes to the store mounted before', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const adapter = createMiniProgramAdapter(sim.api)
    const below = createPrivacyStore({ adapter })
    below.mount()
    below.attachUI()
    const top = createPrivacyStore({ adapter })
    top.mount()
    top.attachUI()
    await settle()
    top.destroy()
    recordCall(sim, 'getLocation')
    expect(below.getState().pending).toHaveLength(1)
  })

  it('a store releasing its calls hands them to the store mounted before it, not to one mounted after', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const adapter = createMiniProgramAdapter(sim.api)
    const stores = [0, 1, 2].map(() => createPrivacyStore({ adapter }))
    const [a, b, c] = stores
    a.mount()
    a.attachUI()
    const unmountB = b.mount()
    b.attachUI()
    await settle()
    recordCall(sim, 'getLocation')
    expect(b.getState().pending).toHaveLength(1)
    c.mount()
    c.attachUI()
    unmountB()
    await settle()
    expect(a.getState().pending).toHaveLength(1)
    expect(c.getState().pending).toHaveLength(0)
    expect(b.getState()).toMatchObject({ visible: false, pending: [] })
  })

  it("an h5 require() is not handed on: it is the released store's own (rejected DESTROYED)", async () => {
    const h5 = () => createPrivacyStore({ adapter: createH5Adapter({ storage: { getStorageSync: () => null, setStorageSync: () => {} } }) })
    const a = h5()
    a.mount()
    const b = h5()
    const unmountB = b.mount()
    await settle()
    const required = b.require()
    await settle()
    expect(b.getState().pending).toHaveLength(1)
    unmountB()
    await expect(required).rejects.toMatchObject({ code: 'DESTROYED' })
    expect(a.getState().pending).toHaveLength(0)
  })

  it('subscribe: notified on change, not after unsubscribing; a non-function throws a TypeError (development)', async () => {
    const { store } = weapp()
    const listener = jest.fn()
    const unsubscribe = store.subscribe(listener)
    store.open()
    expect(listener).toHaveBeenCalledTimes(1)
    unsubscribe()
    store.disagree()
    expect(listener).toHaveBeenCalledTimes(1)
    expect(() => store.subscribe(42 as never)).toThrow(new TypeError('[taro-privacy] subscribe(listener): listener must be a function; got number.'))
  })

  it('subscribe does not check its argument in a production build', () => {
    const { store } = weapp()
    const env = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    try {
      expect(() => store.subscribe(42 as never)()).not.toThrow()
    } finally {
      process.env.NODE_ENV = env
    }
  })
})

describe('the "no consent UI is mounted" warning', () => {
  let warn: jest.SpyInstance
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
  })
  afterEach(() => warn.mockRestore())

  const message = '[taro-privacy] "getLocation" is waiting for consent but no consent UI is mounted: render <PrivacyModal /> in the page, or the portal (React: <PrivacyModalPortal /> in the provider; Vue: app.use(createPrivacyPortal())).'

  it('after a UI detached, a call warns; detaching twice counts once', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
    store.mount()
    const keep = store.attachUI()
    const detach = store.attachUI()
    detach()
    detach()
    await settle()
    recordCall(sim, 'getLocation')
    await settle()
    expect(warn).not.toHaveBeenCalled()
    keep()
    store.disagree()
    recordCall(sim, 'getLocation')
    await settle()
    expect(warn.mock.calls).toEqual([[message]])
  })

  it('not for a call answered in the same task', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
    store.mount()
    await settle()
    recordCall(sim, 'getLocation')
    store.disagree()
    await settle()
    expect(warn).not.toHaveBeenCalled()
  })

  it('not in a production build', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
    store.mount()
    await settle()
    const env = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    try {
      recordCall(sim, 'getLocation')
    } finally {
      process.env.NODE_ENV = env
    }
    await settle()
    expect(warn).not.toHaveBeenCalled()
  })
})

describe('openOnRequired: true after an agreed interception', () => {
  it('an agree is not a refusal: the first required check later still opens the UI', async () => {
    const sim = createPrivacySimulator({ latency: 0, needAuthorization: false })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api), openOnRequired: true })
    store.mount()
    store.attachUI()
    await settle()
    sim.revokeConsent()
    recordCall(sim, 'getLocation')
    tap(sim, store)
    sim.revokeConsent()
    await store.refresh()
    expect(store.getState()).toMatchObject({ status: 'required', visible: true })
  })
})

describe('the app-wide router (one platform listener)', () => {
  let warn: jest.SpyInstance
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
  })
  afterEach(() => warn.mockRestore())

  const orphanWarning = (referrer: string) =>
    `[taro-privacy] "${referrer}" needed privacy consent while no PrivacyProvider, Vue app with createPrivacy() or mounted store was live; it was answered "disagree".`

  it('a call while no store is mounted is refused at the end of the task, with a warning; so is the next one', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
    const first = recordCall(sim, 'getLocation')
    expect(first.fail).toBe(0)
    await settle()
    expect(first.fail).toBe(1)
    const second = recordCall(sim, 'chooseMedia')
    await settle()
    expect(second.fail).toBe(1)
    expect(warn.mock.calls).toEqual([[orphanWarning('getLocation')], [orphanWarning('chooseMedia')]])
  })

  it('no warning for a refused call in a production build', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
    const env = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    try {
      const call = recordCall(sim, 'getLocation')
      await settle()
      expect(call.fail).toBe(1)
    } finally {
      process.env.NODE_ENV = env
    }
    expect(warn).not.toHaveBeenCalled()
  })

  const secondAdapterWarning =
    '[taro-privacy] a second adapter registered the platform privacy listener while a store was mounted. The platform keeps one listener, so every interception now comes through this adapter (and still goes to the store mounted last). Create one adapter per app and give it to every store.'

  it('a second adapter registering while a store is mounted warns (development), not while none is', () => {
    const sim = createPrivacySimulator({ latency: 0 })
    createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
    createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api, 'qq') })
    expect(warn).not.toHaveBeenCalled()
    createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api, 'tt') }).mount()
    createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api, 'alipay') })
    expect(warn.mock.calls).toEqual([[secondAdapterWarning]])
    const env = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    try {
      createPrivacyStore({ adapter: createMiniProgramAdapter({ ...sim.api }) })
    } finally {
      process.env.NODE_ENV = env
    }
    expect(warn).toHaveBeenCalledTimes(1)
  })

  it('a fresh app (the package just loaded) has no mounted store and holds no call', async () => {
    let core!: typeof import('../../src/core')
    jest.isolateModules(() => {
      core = require('../../src/core')
    })
    const sim = createPrivacySimulator({ latency: 0 })
    const store = core.createPrivacyStore({ adapter: core.createMiniProgramAdapter(sim.api) })
    const call = recordCall(sim, 'getLocation')
    await settle()
    expect(call.fail).toBe(1)
    store.mount()
    store.attachUI()
    expect(store.getState().pending).toEqual([])
    warn.mockClear()
  })
})

describe('PrivacyError.prototype.constructor', () => {
  it('is described like a class constructor extending Error (writable, configurable, not enumerable)', () => {
    class Native extends Error {}
    expect(Object.getOwnPropertyDescriptor(PrivacyError.prototype, 'constructor')).toEqual({
      ...Object.getOwnPropertyDescriptor(Native.prototype, 'constructor'),
      value: PrivacyError,
    })
  })
})

describe('what a cancelled or late answer changes', () => {
  it('requirePrivacyAuthorize succeeding after destroy() changes nothing', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const pendingAuthorize: (() => void)[] = []
    const api = { ...sim.api, requirePrivacyAuthorize: ({ success }: { success: () => void }) => void pendingAuthorize.push(success) }
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(api), officialPopup: true })
    const onChange = jest.fn()
    store.mount()
    await settle()
    const required = store.require()
    await settle()
    expect(pendingAuthorize).toHaveLength(1)
    const before = store.getState()
    store.destroy()
    await expect(required).rejects.toMatchObject({ code: 'DESTROYED' })
    store.subscribe(onChange)
    pendingAuthorize[0]()
    await settle()
    expect(store.getState()).toBe(before)
  })

  it('require() while agreed resolves at once, even with a re-check in flight', async () => {
    const sim = createPrivacySimulator({ latency: 0, needAuthorization: false })
    const { api, answers } = scripted(sim)
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(api) })
    store.mount()
    answers[0].success!({ needAuthorization: false })
    await settle()
    expect(store.getState().status).toBe('agreed')
    void store.refresh()
    let resolved = false
    void store.require().then(() => (resolved = true))
    await settle()
    expect(resolved).toBe(true)
  })

  it('an h5 require() cancelled while the check runs opens nothing', async () => {
    const store = createPrivacyStore({ adapter: createH5Adapter({ storage: { getStorageSync: () => null, setStorageSync: () => {} } }) })
    store.mount()
    const required = store.require()
    store.destroy()
    await expect(required).rejects.toMatchObject({ code: 'DESTROYED' })
    await settle()
    expect(store.getState()).toMatchObject({ visible: false, pending: [] })
  })

  it('an officialPopup store mounted last does not take the calls a listening store receives', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const listening = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
    listening.mount()
    listening.attachUI()
    const official = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api), officialPopup: true })
    official.mount()
    official.attachUI()
    await settle()
    recordCall(sim, 'getLocation')
    expect(listening.getState().pending).toHaveLength(1)
    expect(official.getState().pending).toHaveLength(0)
  })
})

describe('status while calls wait', () => {
  it('requirePrivacyAuthorize succeeding while another intercepted call still waits leaves status required', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const pendingAuthorize: (() => void)[] = []
    const api = { ...sim.api, requirePrivacyAuthorize: ({ success }: { success: () => void }) => void pendingAuthorize.push(success) }
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(api) })
    store.mount()
    store.attachUI()
    await settle()
    const required = store.require()
    await settle()
    recordCall(sim, 'getLocation')
    pendingAuthorize[0]()
    await expect(required).resolves.toBeUndefined()
    expect(store.getState()).toMatchObject({ status: 'required', needAuthorization: true, pending: [expect.objectContaining({ referrer: 'getLocation' })] })
  })
})
