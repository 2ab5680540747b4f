import { act, render, type RenderResult } from '@testing-library/react'
import { StrictMode, useEffect, type ReactElement } from 'react'
import { PrivacyProvider, createMiniProgramAdapter, usePrivacyGate, usePrivacyStore, type PrivacyAdapter, type PrivacyGate, type PrivacyProviderProps } from '../src'
import { createPrivacySimulator, type PrivacySimulator, type PrivacySimulatorOptions } from '../src/testing'

export interface Harness extends RenderResult {
  sim: PrivacySimulator
  /** The adapter the provider was given: pass it again when re-rendering the provider. */
  adapter: PrivacyAdapter
}

/**
 * Renders `ui` in StrictMode under a provider wired to a fresh simulator (fresh state
 * per test), and lets the initial privacy check land.
 */
export async function renderWithPrivacy(
  ui: ReactElement,
  { sim: simOptions, ...providerProps }: { sim?: PrivacySimulatorOptions } & Omit<PrivacyProviderProps, 'children'> = {},
): Promise<Harness> {
  // latency 0: the simulated platform answers inside the call, so tests step through flows synchronously
  const sim = createPrivacySimulator({ latency: 0, ...simOptions })
  const adapter = providerProps.adapter ?? createMiniProgramAdapter(sim.api, simOptions?.platform)
  const result = render(
    <StrictMode>
      <PrivacyProvider adapter={adapter} {...providerProps}>
        {ui}
      </PrivacyProvider>
    </StrictMode>,
  )
  await flush()
  return { ...result, sim, adapter }
}

/**
 * What the platform does when the user taps an agree button: it records the tap, then
 * fires `agreeprivacyauthorization` and, for a combined open-type, the other event.
 */
export function tapAgree(sim: PrivacySimulator, button: HTMLElement, detail: object = {}): void {
  sim.tapAgreeButton(button.id)
  const [other] = (button.getAttribute('data-open-type') ?? '').split('|').reverse().slice(1)
  act(() => {
    button.dispatchEvent(new CustomEvent('agreeprivacyauthorization', { detail: {} }))
    if (other) button.dispatchEvent(new CustomEvent(other.toLowerCase(), { detail }))
  })
}

export interface CallOutcome {
  success: number
  fail: number
  errMsg?: string
}

/** A privacy API call as the app makes it, with its outcome recorded. */
export function recordCall(sim: PrivacySimulator, name: string): CallOutcome {
  const outcome: CallOutcome = { success: 0, fail: 0 }
  sim.call(name, {
    success: () => void outcome.success++,
    fail: (failure) => {
      outcome.fail++
      outcome.errMsg = failure.errMsg
    },
  })
  return outcome
}

/** `recordCall` inside `act`, for rendered trees. */
export function callApi(sim: PrivacySimulator, name: string): CallOutcome {
  let outcome!: CallOutcome
  act(() => void (outcome = recordCall(sim, name)))
  return outcome
}

/** Lets the initial check (a resolved promise chain) land. */
export async function flush(): Promise<void> {
  await act(async () => {
    await Promise.resolve()
  })
}

/** Declares a consent UI on screen without rendering one (as `PrivacyModal` does), for tests about something else. */
export function ConsentUIOnScreen(): null {
  const store = usePrivacyStore()
  useEffect(() => store.attachUI(), [store])
  return null
}

/**
 * For suites that run the no-consent-UI and no-provider paths on purpose (randomized
 * runs): their development warnings are expected and asserted by the targeted tests.
 */
export function expectDevelopmentWarnings(): void {
  let warn: jest.SpyInstance
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
  })
  afterEach(() => {
    for (const [message] of warn.mock.calls) expect(String(message)).toMatch(/^\[taro-privacy\] /)
    warn.mockRestore()
  })
}

/**
 * Renders a provider on its default adapter (the `@tarojs/taro` double, on the installed
 * simulator) in StrictMode, with `children`; returns a getter for the latest gate.
 */
export function renderDefaultProvider(props: Omit<PrivacyProviderProps, 'children'>, children?: ReactElement): () => PrivacyGate {
  let gate: PrivacyGate | undefined
  function Probe() {
    gate = usePrivacyGate()
    return null
  }
  render(
    <StrictMode>
      <PrivacyProvider {...props}>
        <Probe />
        {children}
      </PrivacyProvider>
    </StrictMode>,
  )
  return () => gate as PrivacyGate
}

/** For tests that set `process.env.TARO_ENV` (the platform Taro builds for): puts it back after each. */
export function restoreTaroEnvAfterEach(): void {
  const original = process.env.TARO_ENV
  afterEach(() => {
    process.env.TARO_ENV = original
  })
}
