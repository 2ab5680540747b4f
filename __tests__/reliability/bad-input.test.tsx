// Issue 5, part 6: bad input gets a clear error and nothing breaks. Each case states what
// is passed or what misbehaves, and checks both the message and that the privacy flow
// still works afterwards (every intercepted call answered exactly once, no violation).
// The list of cases is in docs/benchmarks.md ("Reliability").
import { act, render, screen } from '@testing-library/react'
import { StrictMode, type ReactNode } from 'react'
import {
  createH5Adapter,
  createMiniProgramAdapter,
  createPrivacyStore,
  PrivacyAgreeButton,
  PrivacyError,
  PrivacyModal,
  PrivacyProvider,
  usePrivacyGate,
  usePrivacySelector,
  type PrivacyAgreeOpenType,
  type PrivacyStore,
} from '../../src'
import { createPrivacySimulator, type PrivacySimulator } from '../../src/testing'
import { callApi, flush, renderWithPrivacy, tapAgree } from '../utils'

let warn: jest.SpyInstance
/** Errors thrown in a later task (window "error", where the app's onError sees them), not yet checked by the test. */
let thrownLater: string[] = []
const onWindowError = (event: ErrorEvent) => {
  thrownLater.push(event.error instanceof Error ? event.error.message : String(event.error))
  // Handled: jsdom's virtual console does not print it (a test that expects it checks it).
  event.preventDefault()
}
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
  thrownLater = []
  window.addEventListener('error', onWindowError)
})
afterEach(() => {
  warn.mockRestore()
  jest.useRealTimers()
  window.removeEventListener('error', onWindowError)
  // An app error the package threw again that the test did not expect fails it.
  if (thrownLater.length) throw new Error(`Unexpected errors thrown later: ${thrownLater.join('; ')}`)
})

const warnings = () => warn.mock.calls.map((args) => args.map(String).join(' '))

/**
 * App code that threw (a callback, a subscriber, the platform's resolve) is not warned about: the
 * flow goes on and the error is thrown again in a later task. Lets that task run (real timers),
 * then returns the messages thrown since the last call.
 */
async function takeThrownLater(): Promise<string[]> {
  await new Promise((resolve) => setTimeout(resolve, 0))
  const taken = thrownLater
  thrownLater = []
  return taken
}

/** The simulator's platform object with some functions replaced (the bad input). */
function platform(sim: PrivacySimulator, overrides: Record<string, unknown> = {}) {
  return { ...sim.api, ...overrides } as typeof sim.api
}

function coreSetup(overrides: (sim: PrivacySimulator) => Record<string, unknown> = () => ({})) {
  const sim = createPrivacySimulator({ latency: 0 })
  const store = createPrivacyStore({ adapter: createMiniProgramAdapter(platform(sim, overrides(sim))) })
  const unmount = store.mount()
  return { sim, store, unmount }
}

function call(sim: PrivacySimulator, name = 'getLocation') {
  const outcome = { success: 0, fail: 0 }
  sim.call(name, { success: () => void outcome.success++, fail: () => void outcome.fail++ })
  return outcome
}

function tap(sim: PrivacySimulator, store: PrivacyStore, id = 'agree') {
  sim.tapAgreeButton(id)
  store.handleAgreeEvent(id)
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

/** The flow still works: a new call is intercepted and released by a tap, once. */
function expectFlowWorks(sim: PrivacySimulator, store: PrivacyStore) {
  const outcome = call(sim, 'chooseMedia')
  tap(sim, store, 'after')
  expect(outcome).toEqual({ success: 1, fail: 0 })
  expect(sim.pending).toEqual([])
  expect(sim.violations).toEqual([])
}

describe('PrivacyAgreeButton given a bad openType', () => {
  it.each([['agreePrivacy'], ['getPhoneNumber'], ['getPhoneNumber|agreePrivacyAuthorization '], [''], [null], [42]])(
    'openType %p: a development warning naming it and the valid ones, then plain agree that works',
    async (openType) => {
      const { sim } = await renderWithPrivacy(
        <PrivacyAgreeButton id="bad-type" openType={openType as unknown as PrivacyAgreeOpenType}>
          agree
        </PrivacyAgreeButton>,
      )
      const button = screen.getByText('agree')
      expect(button.getAttribute('data-open-type')).toBe('agreePrivacyAuthorization')
      expect(warnings()).toEqual([
        expect.stringMatching(new RegExp(`unknown openType "${String(openType).replace(/[|]/g, '\\|')}".*agreePrivacyAuthorization, getPhoneNumber\\|agreePrivacyAuthorization`)),
      ])
      const outcome = callApi(sim, 'getLocation')
      tapAgree(sim, button)
      expect(outcome).toMatchObject({ success: 1, fail: 0 })
      expect(sim.violations).toEqual([])
    },
  )

  it('in a production build: no warning, the same fallback', () => {
    const env = process.env.NODE_ENV
    try {
      // Fresh modules: React as in the tests; the package reads NODE_ENV where it tests it, so
      // it stays 'production' while the package runs (a production bundle has the literal).
      jest.isolateModules(() => {
        const rtl = require('@testing-library/react/pure') as typeof import('@testing-library/react')
        const { createElement: h } = require('react') as typeof import('react')
        const lib = require('../../src') as typeof import('../../src')
        const { createPrivacySimulator: createSim } = require('../../src/testing') as typeof import('../../src/testing')
        process.env.NODE_ENV = 'production'
        const sim = createSim()
        const view = rtl.render(
          h(
            lib.PrivacyProvider,
            { adapter: lib.createMiniProgramAdapter(sim.api) },
            h(lib.PrivacyAgreeButton, { openType: 'nope-prod' as PrivacyAgreeOpenType }, 'agree'),
          ),
        )
        expect(view.getByText('agree').getAttribute('data-open-type')).toBe('agreePrivacyAuthorization')
        view.unmount()
      })
      expect(warnings()).toEqual([])
    } finally {
      process.env.NODE_ENV = env
    }
  })
})

describe('used outside a provider', () => {
  const hooks: [string, () => ReactNode][] = [
    ['usePrivacyGate', () => void usePrivacyGate()],
    ['usePrivacySelector', () => void usePrivacySelector((state) => state.visible)],
    ['PrivacyAgreeButton', () => <PrivacyAgreeButton>agree</PrivacyAgreeButton>],
    ['PrivacyModal', () => <PrivacyModal />],
  ]
  it.each(hooks)('%s throws a clear error naming itself', (name, use) => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => {})
    function Consumer() {
      return <>{use()}</>
    }
    expect(() => render(<Consumer />)).toThrow(`\`${name}\` must be used within \`PrivacyProvider\`.`)
    error.mockRestore()
    // React reports the render error on window "error" as well (development build): expected here.
    thrownLater = thrownLater.filter((message) => !message.includes(`\`${name}\` must be used within`))
  })
})

describe('listeners and callbacks that are not functions, or throw', () => {
  it('store.subscribe(non-function) is refused with a clear TypeError, and the flow goes on', () => {
    const { sim, store } = coreSetup()
    const accepted: (() => void)[] = []
    try {
      for (const listener of [42, 'listener', null, {}]) {
        expect(() => accepted.push(store.subscribe(listener as unknown as () => void))).toThrow(/taro-privacy.*subscribe.*function/i)
      }
      expectFlowWorks(sim, store)
    } finally {
      // Keeps a failure here from leaking into later tests.
      accepted.forEach((unsubscribe) => unsubscribe())
      store.destroy()
    }
  })

  it('a subscriber that throws does not stop the other subscribers, nor any resolve; its error is thrown again later', async () => {
    const { sim, store } = coreSetup()
    // The first check lands first: the notifications below are the calls' and the tap's.
    await settle()
    const seen: number[] = []
    const unsubscribe = store.subscribe(() => {
      throw new Error('subscriber exploded')
    })
    store.subscribe(() => void seen.push(store.getState().pending.length))
    try {
      let outcomes: ReturnType<typeof call>[] = []
      expect(() => (outcomes = [call(sim), call(sim, 'getClipboardData')])).not.toThrow()
      expect(() => tap(sim, store)).not.toThrow()
      expect(outcomes).toEqual([
        { success: 1, fail: 0 },
        { success: 1, fail: 0 },
      ])
      expect(seen).toEqual([1, 2, 0])
      expect(sim.pending).toEqual([])
      // Not warned about: thrown again in a later task, once per notification.
      expect(warnings()).toEqual([])
      expect(thrownLater).toEqual([])
      expect(await takeThrownLater()).toEqual(['subscriber exploded', 'subscriber exploded', 'subscriber exploded'])
    } finally {
      unsubscribe()
      store.destroy()
    }
  })

  it.each([['a string', 'not a function'], ['a number', 7], ['an object', {}]])(
    'onRequest and onDecision given %s: the flow goes on',
    (_kind, value) => {
      const sim = createPrivacySimulator({ latency: 0 })
      const store = createPrivacyStore({
        adapter: createMiniProgramAdapter(sim.api),
        onRequest: value as never,
        onDecision: value as never,
      })
      store.mount()
      const outcome = call(sim)
      tap(sim, store)
      expect(outcome).toEqual({ success: 1, fail: 0 })
      expectFlowWorks(sim, store)
    },
  )

  it('onRequest and onDecision that are not functions: a development warning naming each, when the store is created', () => {
    const sim = createPrivacySimulator({ latency: 0 })
    createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api), onRequest: 'yes' as never, onDecision: 7 as never })
    // At creation, before any request: the option's name and what is wrong with it.
    const messages = warnings()
    expect(messages.filter((message) => /onRequest\b[^,]*\bfunction|function[^,]*\bonRequest\b/.test(message) && !/A callback/.test(message))).toHaveLength(1)
    expect(messages.filter((message) => /onDecision\b[^,]*\bfunction|function[^,]*\bonDecision\b/.test(message) && !/A callback/.test(message))).toHaveLength(1)
  })

  it('PrivacyAgreeButton onAgree that throws: the agree was recorded first and stands', async () => {
    const { sim } = await renderWithPrivacy(
      <PrivacyAgreeButton
        onAgree={() => {
          throw new Error('onAgree exploded')
        }}
      >
        agree
      </PrivacyAgreeButton>,
    )
    const outcome = callApi(sim, 'getLocation')
    // The error reaches the app's error reporting (window "error"), as any event handler's.
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => {})
    try {
      tapAgree(sim, screen.getByText('agree'))
    } finally {
      consoleError.mockRestore()
    }
    expect(await takeThrownLater()).toEqual(['onAgree exploded'])
    expect(outcome).toMatchObject({ success: 1, fail: 0 })
    expect(sim.violations).toEqual([])
  })
})

describe('platform functions that throw or answer garbage never throw into the app', () => {
  it('getPrivacySetting throws synchronously: status error with a PrivacyError, require() still works', async () => {
    const { sim, store } = coreSetup(() => ({
      getPrivacySetting: () => {
        throw new Error('getPrivacySetting:fail exploded')
      },
    }))
    await settle()
    expect(store.getState()).toMatchObject({ status: 'error' })
    expect(store.getState().error).toBeInstanceOf(PrivacyError)
    expect(store.getState().error).toMatchObject({ code: 'PLATFORM_ERROR', message: expect.stringContaining('exploded') })
    const required = store.require()
    await settle()
    tap(sim, store)
    await expect(required).resolves.toBeUndefined()
    expectFlowWorks(sim, store)
  })

  it.each([
    ['fail(undefined)', (options: { fail: (x: unknown) => void }) => options.fail(undefined)],
    ['fail("text")', (options: { fail: (x: unknown) => void }) => options.fail('text')],
    ['fail({errno: "x"})', (options: { fail: (x: unknown) => void }) => options.fail({ errno: 'x' })],
    ['success(undefined)', (options: { success: (x: unknown) => void }) => options.success(undefined)],
    ['success(null)', (options: { success: (x: unknown) => void }) => options.success(null)],
  ])('getPrivacySetting answers %s: status error with a PrivacyError', async (_name, answer) => {
    const { sim, store } = coreSetup(() => ({ getPrivacySetting: answer }))
    await settle()
    expect(store.getState().status).toBe('error')
    expect(store.getState().error).toBeInstanceOf(PrivacyError)
    expect(store.getState().error?.message).toMatch(/^\[taro-privacy\] [A-Z_]+: /)
    expectFlowWorks(sim, store)
  })

  it('onNeedPrivacyAuthorization throws when registering: no warning, the error is thrown again later, the store still works', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const api = platform(sim, {
      onNeedPrivacyAuthorization: () => {
        throw new Error('listener registration exploded')
      },
    })
    let store!: PrivacyStore
    expect(() => {
      store = createPrivacyStore({ adapter: createMiniProgramAdapter(api) })
      store.mount()
    }).not.toThrow()
    expect(await takeThrownLater()).toEqual(['listener registration exploded'])
    expect(store.getState().status).toBe('required')
    expect(warnings()).toEqual([])
  })

  it('onNeedPrivacyAuthorization is not a function: nothing is registered, nothing throws', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(platform(sim, { onNeedPrivacyAuthorization: true })) })
    expect(() => store.mount()).not.toThrow()
    await settle()
    expect(store.getState().status).toBe('required')
  })

  it('requirePrivacyAuthorize throws: require() rejects with a PrivacyError, nothing else changes', async () => {
    const { sim, store } = coreSetup(() => ({
      requirePrivacyAuthorize: () => {
        throw new Error('requirePrivacyAuthorize exploded')
      },
    }))
    await settle()
    await expect(store.require()).rejects.toMatchObject({ name: 'PrivacyError', code: 'PLATFORM_ERROR' })
    expect(store.getState()).toMatchObject({ status: 'required', pending: [], visible: false })
    expectFlowWorks(sim, store)
  })

  it('openPrivacyContract throws: openContract() rejects with a PrivacyError saying why; the check\'s error is untouched', async () => {
    const { sim, store } = coreSetup(() => ({
      openPrivacyContract: () => {
        throw new Error('openPrivacyContract exploded')
      },
    }))
    await settle()
    await expect(store.openContract()).rejects.toMatchObject({ name: 'PrivacyError', message: expect.stringContaining('exploded') })
    expect(store.getState().error).toBeNull()
    expectFlowWorks(sim, store)
  })

  it('a missing platform object (createMiniProgramAdapter(undefined)): a clear error, or an unsupported store', async () => {
    let adapter: ReturnType<typeof createMiniProgramAdapter> | undefined
    try {
      adapter = createMiniProgramAdapter(undefined as never)
    } catch (error) {
      expect(String(error)).toMatch(/taro-privacy/)
      return
    }
    const store = createPrivacyStore({ adapter })
    store.mount()
    await settle()
    expect(store.getState().status).toBe('unsupported')
    await expect(store.require()).resolves.toBeUndefined()
  })

  it('createMiniProgramAdapter(null) or a primitive: a clear TypeError naming taro-privacy', () => {
    for (const api of [null, 'wx', 42]) {
      expect(() => createMiniProgramAdapter(api as never)).toThrow(TypeError)
      expect(() => createMiniProgramAdapter(api as never)).toThrow(/taro-privacy.*createMiniProgramAdapter/)
    }
  })

  it('a platform object that is a function (with the privacy API as properties) is accepted', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const api = Object.assign(function platformObject() {}, sim.api)
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(api) })
    store.mount()
    store.attachUI()
    await settle()
    expect(store.getState().status).toBe('required')
    expectFlowWorks(sim, store)
  })

  it('h5 storage that throws: consent is asked for (not assumed), recording it throws again later, the agree still counts', async () => {
    const storage = {
      getStorageSync: () => {
        throw new Error('getStorageSync:fail')
      },
      setStorageSync: () => {
        throw new Error('setStorageSync:fail quota')
      },
    }
    const store = createPrivacyStore({ adapter: createH5Adapter({ storage }) })
    store.mount()
    store.attachUI()
    await settle()
    expect(store.getState()).toMatchObject({ status: 'required', needAuthorization: true })
    const required = store.require()
    await settle()
    expect(store.getState().visible).toBe(true)
    store.handleAgreeEvent('h5-agree')
    await expect(required).resolves.toBeUndefined()
    expect(store.getState()).toMatchObject({ status: 'agreed', visible: false, pending: [] })
    expect(warnings()).toEqual([])
    expect(await takeThrownLater()).toEqual(['setStorageSync:fail quota'])
  })
})

describe('a platform resolve that throws', () => {
  function throwingOn(event: string) {
    const thrown: string[] = []
    const sim = createPrivacySimulator({ latency: 0 })
    const api = platform(sim, {
      onNeedPrivacyAuthorization: (listener: (resolve: (r: { event: string }) => void, info: { referrer: string }) => void) =>
        sim.api.onNeedPrivacyAuthorization!((resolve, info) =>
          listener((result) => {
            resolve(result as never)
            if (result.event === event && info.referrer === 'getLocation') {
              thrown.push(event)
              throw new Error(`resolve exploded on ${event}`)
            }
          }, info),
        ),
    })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(api) })
    const unmount = store.mount()
    const detach = store.attachUI()
    return { sim, store, unmount, detach, thrown }
  }

  it.each(['exposureAuthorization', 'agree'])('on "%s": every other request is still answered, each exactly once; the error is thrown again later', async (event) => {
    const { sim, store, thrown } = throwingOn(event)
    const outcomes = [call(sim, 'getClipboardData'), call(sim, 'getLocation'), call(sim, 'chooseMedia')]
    tap(sim, store)
    expect(thrown).toEqual([event])
    expect(outcomes).toEqual([1, 2, 3].map(() => ({ success: 1, fail: 0 })))
    expect(sim.requests.map((request) => request.events)).toEqual([1, 2, 3].map(() => ['exposureAuthorization', 'agree']))
    expect(store.getState()).toMatchObject({ status: 'agreed', pending: [], visible: false })
    expect(warnings()).toEqual([])
    expect(thrownLater).toEqual([])
    expect(await takeThrownLater()).toEqual([`resolve exploded on ${event}`])
  })

  it('on "disagree" when the store unmounts: every other request is still answered; the error is thrown again later', async () => {
    const { sim, unmount, thrown } = throwingOn('disagree')
    const outcomes = [call(sim, 'getLocation'), call(sim, 'chooseMedia')]
    unmount()
    await settle()
    expect(thrown).toEqual(['disagree'])
    expect(outcomes).toEqual([
      { success: 0, fail: 1 },
      { success: 0, fail: 1 },
    ])
    expect(sim.pending).toEqual([])
    expect(await takeThrownLater()).toEqual(['resolve exploded on disagree'])
    expect(warnings()).toEqual([])
  })
})

describe('two providers mounted at once (documented: the most recently mounted receives the requests)', () => {
  function Pending({ label }: { label: string }) {
    const pending = usePrivacySelector((state) => state.pending.length)
    return (
      <span>
        {label}:{pending}
      </span>
    )
  }

  it('nested, the inner mounted later: one listener; the inner gets the requests and its modal agrees them; after it unmounts the outer takes over, its waiting call included', async () => {
    jest.useFakeTimers()
    const sim = createPrivacySimulator({ latency: 0 })
    const adapter = createMiniProgramAdapter(sim.api)
    const tree = (inner: boolean) => (
      <StrictMode>
        <PrivacyProvider adapter={adapter}>
          <Pending label="outer" />
          {inner ? (
            <PrivacyProvider adapter={adapter}>
              <Pending label="inner" />
              <PrivacyModal agreeButtonProps={{ id: 'inner-agree' }} />
            </PrivacyProvider>
          ) : null}
        </PrivacyProvider>
      </StrictMode>
    )
    const view = render(tree(false))
    view.rerender(tree(true))
    await act(async () => void (await Promise.resolve()))
    const first = callApi(sim, 'getLocation')
    expect(screen.getByText('inner:1')).toBeTruthy()
    expect(screen.getByText('outer:0')).toBeTruthy()
    tapAgree(sim, screen.getByText('同意'))
    expect(first).toMatchObject({ success: 1, fail: 0 })

    sim.revokeConsent()
    const held = callApi(sim, 'chooseMedia')
    expect(screen.getByText('inner:1')).toBeTruthy()
    view.rerender(tree(false))
    act(() => void jest.advanceTimersByTime(0))
    // Handed over to the outer provider (mounted before the inner one): it waits there for the user.
    expect(held).toMatchObject({ success: 0, fail: 0 })
    expect(screen.getByText('outer:1')).toBeTruthy()
    const next = callApi(sim, 'getClipboardData')
    expect(screen.getByText('outer:2')).toBeTruthy()
    expect(next).toMatchObject({ success: 0, fail: 0 })
    view.unmount()
    act(() => void jest.advanceTimersByTime(0))
    // No provider mounted before the outer one: both are refused.
    expect([held, next]).toMatchObject([
      { success: 0, fail: 1 },
      { success: 0, fail: 1 },
    ])
    // The inner modal showed the held call: its exposure is not reported again after the hand-over.
    expect(sim.requests.map((request) => [request.referrer, request.events])).toEqual([
      ['getLocation', ['exposureAuthorization', 'agree']],
      ['chooseMedia', ['exposureAuthorization', 'disagree']],
      ['getClipboardData', ['disagree']],
    ])
    expect(sim.listenerRegistrations).toBe(1)
    expect(sim.pending).toEqual([])
    expect(sim.violations).toEqual([])
  })

  it('nested, both mounted in the same commit: the outer gets the requests (its effect runs after its children’s, so it mounted last)', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const adapter = createMiniProgramAdapter(sim.api)
    render(
      <StrictMode>
        <PrivacyProvider adapter={adapter}>
          <Pending label="outer" />
          <PrivacyProvider adapter={adapter}>
            <Pending label="inner" />
          </PrivacyProvider>
        </PrivacyProvider>
      </StrictMode>,
    )
    await flush()
    callApi(sim, 'getLocation')
    expect([screen.queryByText('outer:1'), screen.queryByText('inner:0')]).not.toContain(null)
    expect(sim.listenerRegistrations).toBe(1)
  })

  it('side by side (two React roots): the later one gets the requests; the earlier one gets them (its waiting call too) once it is alone', async () => {
    jest.useFakeTimers()
    const sim = createPrivacySimulator({ latency: 0 })
    const adapter = createMiniProgramAdapter(sim.api)
    const first = render(
      <PrivacyProvider adapter={adapter}>
        <Pending label="first" />
      </PrivacyProvider>,
    )
    const second = render(
      <PrivacyProvider adapter={adapter}>
        <Pending label="second" />
      </PrivacyProvider>,
    )
    await flush()
    callApi(sim, 'getLocation')
    expect(screen.getByText('second:1')).toBeTruthy()
    expect(screen.getByText('first:0')).toBeTruthy()
    second.unmount()
    act(() => void jest.advanceTimersByTime(0))
    // The waiting call was handed over to the store mounted before.
    expect(screen.getByText('first:1')).toBeTruthy()
    expect(sim.pending).toHaveLength(1)
    callApi(sim, 'chooseMedia')
    expect(screen.getByText('first:2')).toBeTruthy()
    first.unmount()
    act(() => void jest.advanceTimersByTime(0))
    expect(sim.pending).toEqual([])
    expect(sim.listenerRegistrations).toBe(1)
  })

  it('one store given to two providers: requests stay until the last of them unmounts', async () => {
    jest.useFakeTimers()
    const sim = createPrivacySimulator({ latency: 0 })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
    const a = render(<PrivacyProvider store={store}>a</PrivacyProvider>)
    const b = render(<PrivacyProvider store={store}>b</PrivacyProvider>)
    const outcome = callApi(sim, 'getLocation')
    a.unmount()
    act(() => void jest.advanceTimersByTime(0))
    expect(outcome).toMatchObject({ success: 0, fail: 0 })
    b.unmount()
    act(() => void jest.advanceTimersByTime(0))
    expect(outcome).toMatchObject({ success: 0, fail: 1 })
  })
})

describe('store misuse', () => {
  it('mount() after destroy() throws DESTROYED; require() rejects DESTROYED; taps, disagree, open and refresh do nothing', async () => {
    const { sim, store } = coreSetup()
    const outcome = call(sim)
    store.destroy()
    expect(outcome).toEqual({ success: 0, fail: 1 })
    const before = store.getState()
    expect(() => store.mount()).toThrow(PrivacyError)
    expect(() => store.mount()).toThrow(/DESTROYED.*mount\(\) after destroy\(\)/)
    await expect(store.require()).rejects.toMatchObject({ code: 'DESTROYED' })
    expect(() => {
      store.handleAgreeEvent('late')
      store.disagree()
      store.open()
      store.destroy()
    }).not.toThrow()
    await store.refresh()
    expect(store.getState()).toBe(before)
  })

  it('an unmount function called twice does nothing the second time', async () => {
    jest.useFakeTimers()
    const sim = createPrivacySimulator({ latency: 0 })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
    const first = store.mount()
    store.mount()
    const outcome = call(sim)
    first()
    first()
    jest.advanceTimersByTime(0)
    expect(outcome).toEqual({ success: 0, fail: 0 })
    expect(store.getState().pending).toHaveLength(1)
  })
})
