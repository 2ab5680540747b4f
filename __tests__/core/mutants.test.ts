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
import { createMiniProgramAdapter, createPrivacyStore, type PrivacyStoreOptions } from '../../src/core'
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
