// Issue 5, part 5 (React share): randomized interleavings through the real React layer in
// StrictMode: PrivacyProvider mounted, unmounted, remounted (new key) and nested, the
// prebuilt PrivacyModal and a page's own PrivacyAgreeButton tapped (the platform checks
// the DOM button's id), disagree clicks, require() from a page, check failures, timeouts,
// consent invalidation. The core share (interleavings.test.ts) runs 10,000 runs; this one
// adds what only React can get wrong: effects run twice, unmount/remount, portals, ids.
//
// PRIVACY_SEED / PRIVACY_REACT_RUNS / PRIVACY_RUN_SEED as in the core share.
import { act, fireEvent, render, type RenderResult } from '@testing-library/react'
import { StrictMode, useEffect } from 'react'
import {
  createMiniProgramAdapter,
  PrivacyAgreeButton,
  PrivacyError,
  PrivacyModal,
  PrivacyProvider,
  usePrivacyGate,
  type PlatformResolution,
  type PrivacyGate,
} from '../../src'
import { createPrivacySimulator, SIMULATED_PRIVACY_APIS, type PrivacySimulator } from '../../src/testing'
import { tapAgree } from '../utils'
import { createRandom, runSeed, type Random } from './random'
import { brokenRunReport, MASTER_SEED, ONLY_RUN_SEED, randomizedSuiteLifecycle } from './suite'

const RUNS = Number(process.env.PRIVACY_REACT_RUNS ?? 400)

const CALL_APIS = ['getLocation', 'chooseMedia', 'getClipboardData', 'chooseAddress'] as const

type CheckMode = 'answer' | 'fail' | 'hang' | 'throw'

interface Action {
  step: number
  kind: string
  /** The DOM id of the agree button tapped. */
  id?: string
}

interface RequestRecord {
  referrer: string
  results: { event: string; buttonId?: string; action: Action }[]
}

interface Tree {
  /** Outer provider mounted; its key changes on remount (a new provider instance and store). */
  outer: boolean
  outerKey: number
  /** A nested provider (the most recently mounted receives requests). */
  inner: boolean
  /** The outer provider renders <PrivacyModal/>; otherwise only the page's own agree button. */
  modal: boolean
  cooldownMs: number
}

interface World {
  seed: number
  random: Random
  sim: PrivacySimulator
  adapter: ReturnType<typeof createMiniProgramAdapter>
  checkMode: CheckMode
  tree: Tree
  view?: RenderResult
  gates: { outer?: PrivacyGate; inner?: PrivacyGate }
  records: RequestRecord[]
  calls: { api: string; success: number; fail: number }[]
  requires: { settled?: 'resolved' | 'rejected'; error?: unknown }[]
  registrations: number
  action: Action
  step: number
  trace: string[]
  failures: string[]
}

/** The first broken invariant (with its replay command), for the benchmark's summary. */
let failure: string | undefined

const counts = {
  runs: 0,
  actions: 0,
  byAction: {} as Record<string, number>,
  intercepted: 0,
  agreed: 0,
  disagreed: 0,
  exposures: 0,
  requiresResolved: 0,
  requiresRejected: 0,
  providerMounts: 0,
  providerUnmounts: 0,
}

const bump = (table: Record<string, number>, key: string) => void (table[key] = (table[key] ?? 0) + 1)

function fail(world: World, message: string): void {
  if (world.failures.length < 20) world.failures.push(`step ${world.step} (${world.action.kind}): ${message}`)
}

async function microtasks(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await Promise.resolve()
}

/** Lets promise callbacks run inside act(), as React expects. */
async function settleMicrotasks(count = 8): Promise<void> {
  await act(async () => {
    await microtasks(count)
  })
}

async function advance(ms: number): Promise<void> {
  await settleMicrotasks()
  for (let left = ms; left > 0; left -= 500) {
    act(() => void jest.advanceTimersByTime(Math.min(500, left)))
    await settleMicrotasks()
  }
  for (let i = 0; i < 3; i++) {
    act(() => void jest.advanceTimersByTime(0))
    await settleMicrotasks()
  }
}

function onResult(world: World, record: RequestRecord, result: PlatformResolution): void {
  const event = (result as { event?: string }).event ?? String(result)
  const buttonId = (result as { buttonId?: string }).buttonId
  const decided = record.results.some((earlier) => earlier.event !== 'exposureAuthorization')
  record.results.push({ event, buttonId, action: world.action })
  if (decided) return fail(world, `${record.referrer}: resolve called again with "${event}"`)
  if (event === 'exposureAuthorization') {
    counts.exposures++
    if (record.results.length > 1) fail(world, `${record.referrer}: second exposure`)
    return
  }
  if (event === 'agree') {
    counts.agreed++
    if (world.action.kind !== 'tap') fail(world, `${record.referrer}: agree during "${world.action.kind}"`)
    else if (buttonId !== world.action.id) fail(world, `${record.referrer}: agree names "${buttonId}", the user tapped "${world.action.id}"`)
    return
  }
  if (event === 'disagree') {
    counts.disagreed++
    if (world.action.kind === 'tap') fail(world, `${record.referrer}: disagree during a tap`)
    return
  }
  fail(world, `${record.referrer}: unknown resolve ${JSON.stringify(result)}`)
}

function createWorld(seed: number): World {
  const random = createRandom(seed)
  const sim = createPrivacySimulator({
    latency: 0,
    needAuthorization: !random.chance(0.1),
    declared: SIMULATED_PRIVACY_APIS.filter((api) => api !== 'chooseAddress'),
  })
  const world = {
    seed,
    random,
    sim,
    checkMode: 'answer',
    tree: { outer: true, outerKey: 0, inner: false, modal: random.chance(0.75), cooldownMs: random.pick([0, 0, 10_000]) },
    gates: {},
    records: [],
    calls: [],
    requires: [],
    registrations: 0,
    action: { step: 0, kind: 'setup' },
    step: 0,
    trace: [],
    failures: [],
  } as unknown as World
  const api: Record<string, unknown> = { ...sim.api }
  api.getPrivacySetting = (options: unknown) => {
    if (world.checkMode === 'throw') throw new Error('getPrivacySetting exploded')
    return (sim.api.getPrivacySetting as (options: unknown) => void)(options)
  }
  api.onNeedPrivacyAuthorization = (listener: (resolve: (r: PlatformResolution) => void, info: { referrer: string }) => void) => {
    world.registrations++
    sim.api.onNeedPrivacyAuthorization!((resolve, info) => {
      const record: RequestRecord = { referrer: info.referrer, results: [] }
      world.records.push(record)
      counts.intercepted++
      listener((result) => {
        onResult(world, record, result)
        resolve(result)
      }, info)
    })
  }
  world.adapter = createMiniProgramAdapter(api)
  return world
}

function Page({ world, slot, buttonId }: { world: World; slot: 'outer' | 'inner'; buttonId: string }) {
  const gate = usePrivacyGate()
  useEffect(() => {
    world.gates[slot] = gate
  })
  useEffect(
    () => () => {
      if (world.gates[slot] === gate) world.gates[slot] = undefined
    },
    [gate, slot, world],
  )
  // A page's own agree button (e.g. on a settings page), always on screen.
  return <PrivacyAgreeButton id={buttonId}>agree here</PrivacyAgreeButton>
}

function App({ world }: { world: World }) {
  const { outer, outerKey, inner, modal, cooldownMs } = world.tree
  return (
    <StrictMode>
      {outer ? (
        <PrivacyProvider key={outerKey} adapter={world.adapter} cooldownMs={cooldownMs}>
          {modal ? <PrivacyModal agreeButtonProps={{ className: 'outer-modal-agree' }} /> : null}
          <Page world={world} slot="outer" buttonId={`page-agree-${outerKey}`} />
          {inner ? (
            <PrivacyProvider adapter={world.adapter}>
              <PrivacyModal />
              <Page world={world} slot="inner" buttonId="inner-page-agree" />
            </PrivacyProvider>
          ) : null}
        </PrivacyProvider>
      ) : null}
    </StrictMode>
  )
}

function rerender(world: World): void {
  world.view!.rerender(<App world={world} />)
}

async function act_(world: World, kind: string): Promise<void> {
  const { random, sim } = world
  const action: Action = { step: world.step, kind }
  world.action = action
  let detail = ''
  switch (kind) {
    case 'call': {
      const api = random.pick(CALL_APIS)
      const call = { api, success: 0, fail: 0 }
      world.calls.push(call)
      act(() => sim.call(api, { success: () => void call.success++, fail: () => void call.fail++ }))
      detail = api
      break
    }
    case 'tap': {
      const buttons = Array.from(world.view!.container.querySelectorAll('button')).filter((button) =>
        (button.getAttribute('data-open-type') ?? '').includes('agreePrivacyAuthorization'),
      )
      if (!buttons.length) break
      const button = random.pick(buttons)
      action.id = button.id
      detail = button.id
      // The platform records the tap of that DOM button, then fires its agree event.
      tapAgree(sim, button)
      break
    }
    case 'disagreeClick': {
      const buttons = Array.from(world.view!.container.querySelectorAll('.tp-disagree'))
      if (!buttons.length) break
      act(() => void fireEvent.click(random.pick(buttons)))
      break
    }
    case 'require': {
      const gate = random.chance(0.8) ? world.gates.outer ?? world.gates.inner : world.gates.inner ?? world.gates.outer
      if (!gate) break
      const record: World['requires'][number] = {}
      world.requires.push(record)
      act(() => {
        gate.require().then(
          () => void (record.settled = 'resolved'),
          (error) => {
            record.settled = 'rejected'
            record.error = error
          },
        )
      })
      break
    }
    case 'toggleOuter': {
      world.tree.outer = !world.tree.outer
      if (world.tree.outer) world.tree.outerKey++
      world.tree.outer ? counts.providerMounts++ : counts.providerUnmounts++
      detail = world.tree.outer ? `mount #${world.tree.outerKey}` : 'unmount'
      act(() => rerender(world))
      break
    }
    case 'toggleInner': {
      world.tree.inner = !world.tree.inner
      detail = world.tree.inner ? 'mount' : 'unmount'
      act(() => rerender(world))
      break
    }
    case 'refresh': {
      const mode = random.weighted<CheckMode>({ answer: 4, fail: 2, hang: 2, throw: 1 })
      world.checkMode = mode
      sim.setCheck(mode === 'throw' ? 'answer' : mode)
      detail = mode
      const gate = world.gates.outer ?? world.gates.inner
      if (gate) act(() => void gate.refresh().catch((error) => fail(world, `refresh() rejected: ${error}`)))
      break
    }
    case 'revoke':
      sim.revokeConsent()
      break
    case 'declare':
      sim.declare('chooseAddress')
      break
    case 'advance': {
      const ms = random.pick([1, 100, 1000, 5000, 10_000])
      detail = `${ms}ms`
      await advance(ms)
      break
    }
    case 'yield':
      await settleMicrotasks(random.int(1, 6))
      break
  }
  world.trace.push(`${action.step}: ${kind}${detail ? ` ${detail}` : ''}`)
}

async function runOnce(seed: number): Promise<World> {
  const world = createWorld(seed)
  const { random } = world
  world.view = render(<App world={world} />)
  await settleMicrotasks()
  const weights = {
    call: 24,
    tap: 10,
    disagreeClick: 5,
    require: 6,
    toggleOuter: 5,
    toggleInner: 4,
    refresh: 4,
    revoke: 2,
    declare: 1,
    advance: 6,
    yield: 8,
  }
  const length = random.int(1, 24)
  for (let i = 0; i < length && !world.failures.length; i++) {
    world.step = i + 1
    const kind = random.weighted(weights)
    bump(counts.byAction, kind)
    counts.actions++
    // Inside act: promise callbacks between actions update React too.
    await act(async () => {
      await act_(world, kind)
    })
  }
  // Teardown: the whole tree unmounts; when the task ends nothing may be left pending.
  world.action = { step: ++world.step, kind: 'teardown' }
  act(() => world.view!.unmount())
  for (let i = 0; i < 30 && jest.getTimerCount() > 0; i++) {
    act(() => void jest.advanceTimersToNextTimer())
    await settleMicrotasks()
  }
  checkRun(world)
  counts.runs++
  return world
}

function checkRun(world: World): void {
  const { sim } = world
  if (world.registrations !== 1 || sim.listenerRegistrations !== 1) {
    fail(world, `platform listener registered ${sim.listenerRegistrations} times (expected 1)`)
  }
  if (sim.violations.length) fail(world, `platform violations: ${sim.violations.join('; ')}`)
  if (sim.pending.length) fail(world, `${sim.pending.length} platform requests still pending after unmount`)
  for (const record of world.records) {
    const decisions = record.results.filter((result) => result.event !== 'exposureAuthorization')
    if (decisions.length !== 1) fail(world, `${record.referrer}: ${decisions.length} decisions`)
    const exposure = record.results.findIndex((result) => result.event === 'exposureAuthorization')
    if (exposure > 0) fail(world, `${record.referrer}: exposure after the decision`)
  }
  for (const call of world.calls) {
    if (call.success + call.fail !== 1) fail(world, `${call.api}: success ${call.success}, fail ${call.fail}`)
  }
  for (const record of world.requires) {
    if (!record.settled) fail(world, 'a require() never settled after unmount')
    else if (record.settled === 'resolved') counts.requiresResolved++
    else {
      counts.requiresRejected++
      if (!(record.error instanceof PrivacyError)) fail(world, `require() rejected with ${String(record.error)}`)
    }
  }
}

function report(world: World, index: number): string {
  const file = '__tests__/reliability/interleavings.react.test.tsx'
  return brokenRunReport(`Invariant broken in React run ${index}.`, file, MASTER_SEED, world, 40)
}

describe('randomized interleavings (React, StrictMode)', () => {
  randomizedSuiteLifecycle('BENCH_RELIABILITY_REACT_OUT', () => ({ seed: MASTER_SEED, failure, ...counts }))

  it(`keeps every invariant over ${ONLY_RUN_SEED === undefined ? RUNS : 1} seeded runs with provider mount/unmount/remount`, async () => {
    const seeds = ONLY_RUN_SEED === undefined ? Array.from({ length: RUNS }, (_, i) => runSeed(MASTER_SEED ^ 0x5eac7, i)) : [ONLY_RUN_SEED]
    for (let index = 0; index < seeds.length; index++) {
      jest.clearAllTimers()
      const world = await runOnce(seeds[index])
      if (world.failures.length) throw new Error((failure = report(world, index)))
    }
    if (ONLY_RUN_SEED === undefined) {
      expect(counts.agreed).toBeGreaterThan(50)
      expect(counts.disagreed).toBeGreaterThan(50)
      expect(counts.providerUnmounts).toBeGreaterThan(50)
      expect(counts.requiresResolved + counts.requiresRejected).toBeGreaterThan(50)
    }
  }, 120_000)
})
