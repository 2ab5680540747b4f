// Issue 5, part 5 (React share): randomized interleavings through the real React layer in
// StrictMode: PrivacyProvider mounted, unmounted, remounted (new key) and nested, the
// prebuilt PrivacyModal and a page's own PrivacyAgreeButton tapped (the platform checks
// the DOM button's id), disagree clicks, require() from a page, check failures, timeouts,
// consent invalidation. The core share (interleavings.test.ts) runs 10,000 runs; this one
// adds what only React can get wrong: effects run twice, unmount/remount, portals, ids.
// Each run also picks a simulator latency, now and then the officialPopup prop, and a
// PrivacyModal the user cannot dismiss (dismissible={false}: disagree keeps it up); every
// decision's reason is checked against what caused it, and lastDecision is the user's.
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
  usePrivacyStore,
  type PlatformResolution,
  type PrivacyStoreHandle,
  type PrivacyDecision,
  type PrivacyGate,
} from '../../src'
import { createPrivacySimulator, SIMULATED_PRIVACY_APIS, type PrivacySimulator } from '../../src/testing'
import { tapAgree } from '../utils'
import { createRandom, runSeed, type Random } from './random'
import { brokenRunReport, bump, fail, MASTER_SEED, microtasks, ONLY_RUN_SEED, randomizedSuiteLifecycle, userDecides } from './suite'

const RUNS = Number(process.env.PRIVACY_REACT_RUNS ?? 600)

const CALL_APIS = ['getLocation', 'chooseMedia', 'getClipboardData', 'chooseAddress'] as const

type CheckMode = 'answer' | 'fail' | 'hang' | 'throw'

interface Action {
  step: number
  kind: string
  /** The DOM id of the agree button tapped. */
  id?: string
  /** The provider instance whose button the user pressed (`outer-1`, `inner-2`). */
  provider?: string
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
  /** The outer PrivacyModal can be dismissed (otherwise 拒绝 answers the calls and keeps it up). */
  dismissible: boolean
  cooldownMs: number
  /** Counts inner mounts: a key per inner provider instance. */
  innerKey: number
}

interface World {
  seed: number
  random: Random
  sim: PrivacySimulator
  latency: number
  /** Both providers have officialPopup: no listener, the platform shows its own popup. */
  official: boolean
  adapter: ReturnType<typeof createMiniProgramAdapter>
  checkMode: CheckMode
  tree: Tree
  view?: RenderResult
  gates: { outer?: PrivacyGate; inner?: PrivacyGate }
  /** The provider instance each gate comes from. */
  gateProviders: { outer?: string; inner?: string }
  stores: { outer?: PrivacyStoreHandle; inner?: PrivacyStoreHandle }
  /** Every provider instance's store, kept after it unmounts (its refusal comes later). */
  storeOf: Map<string, PrivacyStoreHandle>
  /** Per provider instance, the last decision it reported with reason 'user'. */
  userDecisions: Map<string, PrivacyDecision>
  /**
   * Inner provider instances mounted after their outer one (toggled on inside a mounted outer; mounted
   * in the same commit, the outer's effect runs last): released alone, they hand their calls to it.
   */
  mountedAfter: Map<string, string>
  /** Set while a tap or disagree click runs (a decision then is the user's, not a promise callback's). */
  userDeciding: boolean
  /** A check of what the step rendered. */
  afterStep?: () => void
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
  byLatency: {} as Record<string, number>,
  officialRuns: 0,
  officialPopups: 0,
  keepOpenDisagrees: 0,
  decisions: {} as Record<string, number>,
  requireRejections: {} as Record<string, number>,
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
  const latency = Number(random.weighted({ 0: 50, 1: 20, 60: 20, 700: 10 }))
  const sim = createPrivacySimulator({
    latency,
    needAuthorization: !random.chance(0.1),
    declared: SIMULATED_PRIVACY_APIS.filter((api) => api !== 'chooseAddress'),
    officialPopup: random.pick(['agree', 'disagree'] as const),
  })
  const world = {
    seed,
    random,
    sim,
    latency,
    official: random.chance(0.15),
    checkMode: 'answer',
    tree: {
      outer: true,
      outerKey: 0,
      inner: false,
      innerKey: 0,
      modal: random.chance(0.75),
      dismissible: random.chance(0.5),
      cooldownMs: random.pick([0, 0, 10_000]),
    },
    gates: {},
    gateProviders: {},
    stores: {},
    storeOf: new Map(),
    userDecisions: new Map(),
    mountedAfter: new Map(),
    userDeciding: false,
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

const providerMounted = (world: World, provider: string) =>
  (world.tree.outer && provider === `outer-${world.tree.outerKey}`) || (world.tree.outer && world.tree.inner && provider === `inner-${world.tree.innerKey}`)

/** Who may decide: the user (a tap, a disagree click) in that provider's UI, its unmount (at the end of the task), or the official popup. */
function onDecision(world: World, provider: string, decision: PrivacyDecision): void {
  const { action } = world
  bump(counts.decisions, `${decision.reason}:${decision.event}`)
  const label = `${provider}: ${decision.reason} ${decision.event} of ${decision.requests.length} request(s)`
  if (decision.reason === 'user') {
    world.userDecisions.set(provider, decision)
    const byAction =
      world.userDeciding &&
      action.provider === provider &&
      (decision.event === 'agree' ? action.kind === 'tap' && decision.buttonId === action.id : action.kind === 'disagreeClick')
    // officialPopup: the platform's popup answers a require() (a promise callback); nothing is queued.
    const byOfficialPopup = !world.userDeciding && world.official && !decision.requests.length && decision.buttonId === undefined
    if (!byAction && !byOfficialPopup) fail(world, `${label} (button ${decision.buttonId}) during "${action.kind}" in ${action.provider}`)
  } else if (decision.reason === 'unmount') {
    const before = world.mountedAfter.get(provider)
    // Released with the provider mounted before it still mounted: its calls wait there (no refusal, no decision of its own).
    if (before && providerMounted(world, before)) fail(world, `${label}, though ${before}, mounted before it, is still mounted (hand-over expected)`)
    if (!['advance', 'teardown'].includes(action.kind)) fail(world, `${label} during "${action.kind}"`)
    if (providerMounted(world, provider)) fail(world, `${label} while it is mounted`)
    if (decision.event !== 'disagree' || !decision.requests.length) fail(world, `${label}: an unmount refuses what is waiting`)
  } else fail(world, `${label}: a provider never destroys its own store`)
  const lastDecision = world.storeOf.get(provider)?.getState().lastDecision
  const expected = world.userDecisions.get(provider) ?? null
  if (lastDecision !== undefined && lastDecision !== expected) fail(world, `${label}: lastDecision is ${lastDecision ? `${lastDecision.reason} ${lastDecision.event}` : 'null'}, not the user's last decision`)
}

/** Only the user's decisions become lastDecision (an unmount's refusal does not). */
function checkLastDecisions(world: World): void {
  for (const slot of ['outer', 'inner'] as const) {
    const store = world.stores[slot]
    if (!store) continue
    const expected = world.userDecisions.get(world.gateProviders[slot]!) ?? null
    const { lastDecision } = store.getState()
    if (lastDecision !== expected) {
      fail(world, `${world.gateProviders[slot]}: lastDecision is ${lastDecision ? `${lastDecision.reason} ${lastDecision.event}` : 'null'}, its user's last decision ${expected ? expected.event : 'none'}`)
    }
  }
}

function Page({ world, slot, provider, buttonId }: { world: World; slot: 'outer' | 'inner'; provider: string; buttonId: string }) {
  const gate = usePrivacyGate()
  const store = usePrivacyStore()
  useEffect(() => {
    world.gates[slot] = gate
    world.stores[slot] = store
    world.gateProviders[slot] = provider
    world.storeOf.set(provider, store)
  })
  useEffect(
    () => () => {
      if (world.gates[slot] !== gate) return
      world.gates[slot] = undefined
      world.stores[slot] = undefined
      world.gateProviders[slot] = undefined
    },
    [gate, slot, world],
  )
  // A page's own agree button (e.g. on a settings page), always on screen.
  return <PrivacyAgreeButton id={buttonId}>agree here</PrivacyAgreeButton>
}

function App({ world }: { world: World }) {
  const { outer, outerKey, inner, innerKey, modal, dismissible, cooldownMs } = world.tree
  const { official } = world
  const outerId = `outer-${outerKey}`
  const innerId = `inner-${innerKey}`
  return (
    <StrictMode>
      {outer ? (
        <PrivacyProvider key={outerKey} adapter={world.adapter} cooldownMs={cooldownMs} officialPopup={official} onDecision={(decision) => onDecision(world, outerId, decision)}>
          <div data-provider={outerId}>
            {modal ? <PrivacyModal dismissible={dismissible} agreeButtonProps={{ className: 'outer-modal-agree' }} /> : null}
            <Page world={world} slot="outer" provider={outerId} buttonId={`page-agree-${outerKey}`} />
            {inner ? (
              <PrivacyProvider key={innerKey} adapter={world.adapter} officialPopup={official} onDecision={(decision) => onDecision(world, innerId, decision)}>
                <div data-provider={innerId}>
                  <PrivacyModal />
                  <Page world={world} slot="inner" provider={innerId} buttonId="inner-page-agree" />
                </div>
              </PrivacyProvider>
            ) : null}
          </div>
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
      action.provider = button.closest('[data-provider]')?.getAttribute('data-provider') ?? undefined
      detail = button.id
      // The platform records the tap of that DOM button, then fires its agree event.
      userDecides(world, () => tapAgree(sim, button))
      break
    }
    case 'disagreeClick': {
      const buttons = Array.from(world.view!.container.querySelectorAll('.tp-disagree'))
      if (!buttons.length) break
      const button = random.pick(buttons)
      action.provider = button.closest('[data-provider]')?.getAttribute('data-provider') ?? undefined
      const keepOpen = action.provider?.startsWith('outer') && !world.tree.dismissible
      detail = `${action.provider}${keepOpen ? ' (not dismissible)' : ''}`
      userDecides(world, () => act(() => void fireEvent.click(button)))
      // 拒绝 answers the waiting calls; the modal stays up only when it cannot be dismissed.
      // (Checked once the step's act() has rendered: nested act() calls render at the outermost.)
      world.afterStep = () => {
        if (button.isConnected !== !!keepOpen) fail(world, `after 拒绝 in ${action.provider} the modal is ${button.isConnected ? 'still up' : 'gone'}`)
      }
      if (keepOpen) counts.keepOpenDisagrees++
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
      // A remounted outer provider brings a new instance of the inner one too.
      if (world.tree.outer) world.tree.outerKey++
      if (world.tree.outer && world.tree.inner) world.tree.innerKey++
      world.tree.outer ? counts.providerMounts++ : counts.providerUnmounts++
      detail = world.tree.outer ? `mount #${world.tree.outerKey}` : 'unmount'
      act(() => rerender(world))
      break
    }
    case 'toggleInner': {
      world.tree.inner = !world.tree.inner
      if (world.tree.inner) world.tree.innerKey++
      if (world.tree.inner && world.tree.outer) world.mountedAfter.set(`inner-${world.tree.innerKey}`, `outer-${world.tree.outerKey}`)
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
    case 'open': {
      // The page shows the consent UI again (README: a page refused earlier).
      const gate = random.chance(0.8) ? world.gates.outer ?? world.gates.inner : world.gates.inner ?? world.gates.outer
      if (gate) act(() => gate.open())
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
    open: 2,
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
    world.afterStep?.()
    world.afterStep = undefined
    checkLastDecisions(world)
  }
  // Teardown: the whole tree unmounts; when the task ends nothing may be left pending.
  world.action = { step: ++world.step, kind: 'teardown' }
  world.tree.outer = false
  act(() => world.view!.unmount())
  // (With latency every answer is a timer of its own.)
  for (let i = 0; i < 200 && jest.getTimerCount() > 0; i++) {
    act(() => void jest.advanceTimersToNextTimer())
    await settleMicrotasks()
  }
  checkRun(world)
  counts.runs++
  bump(counts.byLatency, `${world.latency}ms`)
  if (world.official) counts.officialRuns++
  return world
}

function checkRun(world: World): void {
  const { sim } = world
  // officialPopup: no listener at all, the platform shows its own popup.
  const listeners = world.official ? 0 : 1
  if (world.registrations !== listeners || sim.listenerRegistrations !== listeners) {
    fail(world, `platform listener registered ${sim.listenerRegistrations} times (expected ${listeners})`)
  }
  counts.officialPopups += sim.officialPopups
  if (!world.official && sim.officialPopups) fail(world, `${sim.officialPopups} official popups though a listener answers every interception`)
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
      const { error } = record
      if (!(error instanceof PrivacyError)) fail(world, `require() rejected with ${String(error)}`)
      else {
        bump(counts.requireRejections, error.code)
        // DENIED: the user's refusal in the consent UI, or the cooldown; DESTROYED: an unmount or destroy
        // (the core suite checks which one per require()); the official popup's refusal is its own.
        const expected = world.official ? ['DENIED', 'DESTROYED', 'PRIVACY_NOT_AGREED'] : ['DENIED', 'DESTROYED']
        if (!expected.includes(error.code)) fail(world, `require() rejected ${error.code} (${error.errMsg})`)
      }
    }
  }
}

function report(world: World, index: number): string {
  const file = '__tests__/reliability/interleavings.react.test.tsx'
  const mode = `latency ${world.latency} ms${world.official ? ', officialPopup' : ''}${world.tree.dismissible ? '' : ', outer modal not dismissible'}`
  return brokenRunReport(`Invariant broken in React run ${index} (${mode}).`, file, MASTER_SEED, world, 40)
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
      expect(Object.keys(counts.byLatency).sort()).toEqual(['0ms', '1ms', '60ms', '700ms'])
      expect(counts.officialRuns).toBeGreaterThan(20)
      expect(counts.officialPopups).toBeGreaterThan(10)
      expect(counts.keepOpenDisagrees).toBeGreaterThan(10)
      for (const decision of ['user:agree', 'user:disagree', 'unmount:disagree']) expect(counts.decisions[decision]).toBeGreaterThan(10)
      expect(counts.requireRejections.PRIVACY_NOT_AGREED).toBeGreaterThan(5)
    }
  }, 120_000)
})
