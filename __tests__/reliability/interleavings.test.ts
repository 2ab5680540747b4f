// Issue 5, part 5: randomized interleavings of everything that can happen to the privacy
// flow, driven through the core store and the platform simulator, with the invariants of
// DESIGN.md checked during and after every run.
//
// Seeded and reproducible: PRIVACY_SEED=<n> changes the whole sequence, PRIVACY_RUNS=<n>
// its length, PRIVACY_RUN_SEED=<n> replays one run (a failure prints the command).
// The React/StrictMode share (provider mount/unmount/remount) is interleavings.react.test.tsx.
//
// Each run picks a platform, a simulator latency (0 answers inside the call; otherwise the
// platform answers on a timer, so requests, checks and callbacks are in flight between
// actions) and, now and then, the `officialPopup` mode (no listener: the platform asks in its
// own popup). Every decision's reason is checked against what caused it, and every rejected
// require() against the request it made and who refused that request.
import { AsyncLocalStorage } from 'node:async_hooks'
import { inspect } from 'node:util'
import {
  createH5Adapter,
  createMiniProgramAdapter,
  createPrivacyStore,
  PrivacyError,
  type PlatformResolution,
  type PrivacyDecision,
  type PrivacyErrorCode,
  type PrivacyAdapter,
  type PrivacyState,
  type PrivacyStore,
} from '../../src/core'
import { resetRouting } from '../../src/core/hub'
import { createPrivacySimulator, SIMULATED_PRIVACY_APIS, type PrivacySimulator } from '../../src/testing'
import { createRandom, runSeed, type Random } from './random'
import { brokenRunReport, bump, fail, MASTER_SEED, microtasks, ONLY_RUN_SEED, randomizedSuiteLifecycle, userDecides } from './suite'

const RUNS = Number(process.env.PRIVACY_RUNS ?? 10_000)

type Platform = 'weapp' | 'tt' | 'alipay' | 'h5'
type CheckMode = 'answer' | 'fail' | 'hang' | 'throw'

/** chooseAddress starts undeclared (errno 112) until a `declare` action adds it. */
const CALL_APIS = ['getLocation', 'chooseMedia', 'getClipboardData', 'chooseAddress'] as const
const BUTTON_IDS = ['agree-a', 'agree-b'] as const

interface Action {
  step: number
  kind: string
  slot?: Slot
  id?: string
  detail?: string
  /** disagree({ keepOpen: true }) */
  keepOpen?: boolean
}

interface MountHandle {
  slot: Slot
  fn: () => void
  called: boolean
  /** The app's mount order (one router per app): a released store's calls go to the latest still-mounted store mounted before it. */
  order: number
}

interface Slot {
  index: number
  store: PrivacyStore
  cooldownMs: number
  unmounts: MountHandle[]
  /** attachUI() handles (a PrivacyModal on screen); exposure is reported only while one is attached. */
  uis: { fn: () => void; called: boolean }[]
  destroyed: boolean
  lastNotified: PrivacyState
  snapshots: { state: PrivacyState; summary: string }[]
  /** World clock of the last check this store started (getPrivacySetting reads the platform then). */
  lastCheckStart: number
  /** World clock of the last real agree tap this store received. */
  lastAgree: number
  /** The last decision this store reported with reason 'user': what `lastDecision` must be. */
  lastUserDecision: PrivacyDecision | null
  /** officialPopup: the user's decisions that came from the platform's popup (through require()). */
  officialDecisions: { agree: number; disagree: number }
  /** The order of this store's latest mount (0: never mounted). */
  lastMountOrder: number
  /** The intercepted calls this store holds, in its order (arrival or hand-over). */
  queue: RequestRecord[]
}

interface Result {
  event: string
  buttonId?: string
  step: number
  action: Action
}

/** One intercepted call, as the platform saw it. */
interface RequestRecord {
  referrer: string
  arrivedStep: number
  /** The store the request was routed to (set by the store's onRequest). */
  holder?: Slot
  /** Arrived while no store was live: answered disagree by the end of the task, or handed to a store mounting before then. */
  orphan?: boolean
  /** Fake time it arrived: held in a timer callback (latency > 0), its refusal timer runs 1 ms later. */
  orphanedAt?: number
  /** Was pending in its store while a consent UI was attached: exactly one exposure is due. */
  shouldExpose?: boolean
  results: Result[]
  /** The simulator's request this interception delivered. */
  simRequestId?: number
  /** The store's request id (from onRequest), to find the decision that settled it. */
  requestId?: number
  /** Stores it was handed over from (each released while it waited). */
  handedFrom: Slot[]
}

interface CallRecord {
  api: string
  success: number
  fail: number
  errno?: number
  /** The simulator's request, when the platform intercepted the call. */
  simRequestId?: number
}

interface RequireRecord {
  slot: Slot
  /** The promise require() returned (its state at a release tells whether it was still waiting). */
  promise: Promise<void>
  /** Still waiting when its store was released (last mount ended and not mounted again by the end of the task, or destroyed): it must reject DESTROYED. */
  cancelled?: 'unmount' | 'destroy'
  step: number
  settledStep?: number
  settled?: 'resolved' | 'rejected'
  error?: unknown
  /** Agree taps, and official popups the user agreed in, when it resolved. */
  consentsAtSettle?: number
  destroyedBefore: boolean
  destroyedAtSettle?: boolean
  /** Mini-programs: it called requirePrivacyAuthorize. */
  platformAsked?: boolean
  /** Mini-programs: the interception its requirePrivacyAuthorize caused. */
  simRequestId?: number
  /** h5: its own request in the store (no requirePrivacyAuthorize there). */
  requestId?: number
}

/** A store being released (its last mount ended, or destroy()): what the model expects of it. */
interface Release {
  from: Slot
  reason: 'unmount' | 'destroy'
  /** The latest still-mounted store whose mount came before the released store's latest mount. */
  heir?: Slot
  /** The heir is in its cooldown: the handed-over calls are refused at once. */
  heirRefuses: boolean
  /** The calls the released store held, in its order. */
  records: RequestRecord[]
  /** Those not yet seen arriving at the heir (its onRequest). */
  toHand: RequestRecord[]
}

/** Which require() is running: the store calls requirePrivacyAuthorize (or queues its h5 request) in a promise callback of that call. */
const requireContext = new AsyncLocalStorage<RequireRecord>()

interface World {
  seed: number
  random: Random
  platform: Platform
  /** Simulator latency (ms); 0 answers inside the call. */
  latency: number
  /** Every store has `officialPopup`: no listener, the platform shows its own popup. */
  official: boolean
  sim?: PrivacySimulator
  /** Simulator requests delivered to the listener so far (they are delivered in order). */
  delivered: number
  /** The errno the platform adds to a listener's disagree (the simulator's default 104, or none). */
  disagreeErrno: number | undefined
  /** Mounts so far (the router's order). */
  mounts: number
  /** The store being released right now (set just before its release timer, or around destroy()). */
  releasing?: Release
  /** The decision that settled each store request id, and its store. */
  decisions: Map<number, { decision: PrivacyDecision; slot: Slot }>
  adapter: PrivacyAdapter
  storage: Map<string, unknown>
  checkMode: CheckMode
  initiallyAgreed: boolean
  slots: Slot[]
  /** The model of the hub: one entry per mount, most recent last; requests go to the last. */
  live: MountHandle[]
  records: RequestRecord[]
  calls: CallRecord[]
  requires: RequireRecord[]
  registrations: number
  /** Agree events the store received (real taps and spoofed ids). */
  realTaps: number
  spoofReleases: number
  action: Action
  step: number
  arriving?: RequestRecord
  /** The store being mounted (held requests are handed to it). */
  mounting?: Slot
  orphans: RequestRecord[]
  trace: string[]
  failures: string[]
  /** Orders check starts and agree taps. */
  clock: number
  /** Set while the user's tap or disagree runs (a decision then is theirs, not a promise callback's). */
  userDeciding: boolean
}

/** The first broken invariant (with its replay command), for the benchmark's summary. */
let failure: string | undefined

/** Totals over all runs, printed at the end. */
const counts = {
  runs: 0,
  actions: 0,
  byAction: {} as Record<string, number>,
  byPlatform: {} as Record<string, number>,
  stores: 0,
  intercepted: 0,
  agreed: 0,
  disagreedHeld: 0,
  disagreedAtOnce: 0,
  exposures: 0,
  spoofedAgreesRefused: 0,
  calls: 0,
  undeclaredCalls: 0,
  requiresResolved: 0,
  requiresRejected: 0,
  checkModes: {} as Record<string, number>,
  maxPending: 0,
  byLatency: {} as Record<string, number>,
  officialWorlds: 0,
  officialPopups: 0,
  keepOpenDisagrees: 0,
  remounts: 0,
  handedOver: 0,
  handedOverRefused: 0,
  releasedWithHeir: 0,
  requiresCancelled: 0,
  /** require()s the platform refused (listener mode), by the errno it added. */
  deniedByPlatform: {} as Record<string, number>,
  decisions: {} as Record<string, number>,
  requireRejections: {} as Record<string, number>,
}

function summarize(state: PrivacyState): string {
  return [
    state.status,
    state.visible,
    state.needAuthorization,
    state.contractName,
    state.pending.map((request) => `${request.id}:${request.referrer}`).join(','),
    state.lastDecision?.event,
    state.lastDecision?.requests.length,
    state.error?.code,
  ].join('|')
}

function inCooldown(slot: Slot): boolean {
  const last = slot.store.getState().lastDecision
  return slot.cooldownMs > 0 && last?.event === 'disagree' && Date.now() - last.at < slot.cooldownMs
}

/** What the platform's `resolve` receives: recorded and checked, then passed on. */
function onResult(world: World, record: RequestRecord, result: PlatformResolution): void {
  const event = (result as { event?: string } | undefined)?.event ?? String(result)
  const buttonId = (result as { buttonId?: string }).buttonId
  const decided = record.results.some((earlier) => earlier.event !== 'exposureAuthorization')
  record.results.push({ event, buttonId, step: world.step, action: world.action })
  const action = world.action
  if (decided) return fail(world, `${record.referrer}: resolve called again with "${event}" after a decision`)
  if (event === 'exposureAuthorization') {
    counts.exposures++
    if (!world.adapter.reportsExposure) fail(world, `${record.referrer}: exposure on ${world.platform}`)
    if (record.results.length > 1) fail(world, `${record.referrer}: second exposure`)
    // During the interception the store's onRequest has not run yet: the holder is the live
    // store, or the store being mounted for a held request.
    // A call handed over is exposed (if it was not yet) by the heir before its onRequest.
    const handing = world.releasing?.toHand.includes(record) ? world.releasing.heir : undefined
    const holder = handing ?? record.holder ?? (world.arriving === record ? topSlot(world) : record.orphan ? world.mounting : undefined)
    if (!holder?.store.getState().visible) fail(world, `${record.referrer}: exposure while the consent UI is not visible`)
    else if (!uiAttached(holder)) fail(world, `${record.referrer}: exposure while no consent UI is attached`)
    return
  }
  if (event === 'agree') {
    if (action.kind !== 'tap' && action.kind !== 'spoof') return fail(world, `${record.referrer}: agree during "${action.kind}"`)
    if (action.slot !== record.holder) fail(world, `${record.referrer}: agree from store ${action.slot?.index}, held by ${record.holder?.index}`)
    if (buttonId !== action.id) fail(world, `${record.referrer}: agree names "${buttonId}", the event came from "${action.id}"`)
    if (action.kind === 'spoof') {
      world.spoofReleases++
      counts.spoofedAgreesRefused++
    } else counts.agreed++
    return
  }
  if (event === 'disagree') {
    if (!record.holder) {
      counts.disagreedAtOnce++
      if (record.results.length !== 1) fail(world, `${record.referrer}: disagree after an exposure without a store`)
      const atOnce = record.arrivedStep === world.step && world.arriving === record
      // A held request is refused when the task ends (a timer) or by a mounting store in its cooldown.
      const whenHeld = record.orphan && (['advance', 'teardown'].includes(action.kind) || (world.mounting && inCooldown(world.mounting)))
      if (!atOnce && !whenHeld) fail(world, `${record.referrer}: late disagree without a store during "${action.kind}"`)
      return
    }
    counts.disagreedHeld++
    const { releasing } = world
    if (releasing?.records.includes(record) && releasing.heir && !releasing.heirRefuses) {
      fail(world, `${record.referrer}: refused by the release of store ${releasing.from.index} though store ${releasing.heir.index} was mounted before it`)
    }
    // By the user, by destroy(), or at the end of the task after an unmount (a timer).
    const settlers = ['disagree', 'destroy', 'advance', 'teardown']
    if (!settlers.includes(action.kind)) fail(world, `${record.referrer}: disagree during "${action.kind}"`)
    if ((action.kind === 'disagree' || action.kind === 'destroy') && action.slot !== record.holder) {
      fail(world, `${record.referrer}: disagree from store ${action.slot?.index}, held by ${record.holder.index}`)
    }
    return
  }
  fail(world, `${record.referrer}: unknown resolve event ${JSON.stringify(result)}`)
}

function createWorld(seed: number): World {
  const random = createRandom(seed)
  const platform = random.weighted<Platform>({ weapp: 70, tt: 12, alipay: 6, h5: 12 })
  const initiallyAgreed = random.chance(0.15)
  const world = {
    seed,
    random,
    platform,
    storage: new Map<string, unknown>(),
    checkMode: 'answer',
    initiallyAgreed,
    slots: [],
    live: [],
    records: [],
    calls: [],
    requires: [],
    registrations: 0,
    realTaps: 0,
    spoofReleases: 0,
    action: { step: 0, kind: 'setup' },
    step: 0,
    trace: [],
    failures: [],
    clock: 0,
    orphans: [],
    latency: 0,
    official: false,
    delivered: 0,
    disagreeErrno: undefined,
    mounts: 0,
    decisions: new Map(),
    userDeciding: false,
  } as unknown as World

  if (platform === 'h5') {
    const storage = {
      getStorageSync: (key: string) => {
        if (world.checkMode === 'throw' || world.checkMode === 'fail') throw new Error('getStorageSync:fail')
        return world.storage.get(key) ?? ''
      },
      setStorageSync: (key: string, data: unknown) => void world.storage.set(key, data),
    }
    if (initiallyAgreed) world.storage.set('taro-privacy:consent', { version: '1', at: 0 })
    world.adapter = createH5Adapter({ storage, contract: { name: '《h5》', version: '1' } })
    return world
  }

  // Latencies around the advance steps (1, 100, 1000 ms) and past the check timeout (1000 ms).
  world.latency = Number(random.weighted({ 0: 50, 1: 20, 60: 15, 700: 10, 1500: 5 }))
  world.official = random.chance(0.12)
  // The guide promises no errno for a listener's disagree; an independent model of the base library adds 104.
  const disagreeErrno = random.pick([104, null])
  world.disagreeErrno = disagreeErrno ?? undefined
  const sim = createPrivacySimulator({
    latency: world.latency,
    disagreeErrno,
    platform,
    needAuthorization: !initiallyAgreed,
    declared: SIMULATED_PRIVACY_APIS.filter((api) => api !== 'chooseAddress'),
    officialPopup: random.pick(['agree', 'disagree'] as const),
  })
  world.sim = sim
  // The platform object the adapter sees: the simulator's, with a spy on the listener
  // (every resolve is recorded) and a getPrivacySetting that can also throw.
  const api: Record<string, unknown> = { ...sim.api }
  api.getPrivacySetting = (options: unknown) => {
    if (world.checkMode === 'throw') throw new Error('getPrivacySetting exploded')
    return (sim.api.getPrivacySetting as (options: unknown) => void)(options)
  }
  api.requirePrivacyAuthorize = (options: unknown) => {
    const record = requireContext.getStore()
    const before = sim.requests.length
    ;(sim.api.requirePrivacyAuthorize as (options: unknown) => void)(options)
    if (!record) return fail(world, 'requirePrivacyAuthorize called outside any require()')
    if (record.platformAsked) fail(world, `require() of step ${record.step} called requirePrivacyAuthorize twice`)
    record.platformAsked = true
    if (sim.requests.length > before) record.simRequestId = sim.requests[before].id
  }
  api.onNeedPrivacyAuthorization = (listener: (resolve: (r: PlatformResolution) => void, info: { referrer: string }) => void) => {
    world.registrations++
    sim.api.onNeedPrivacyAuthorization!((resolve, info) => {
      const simRequest = sim.requests[world.delivered++]
      if (simRequest?.referrer !== info.referrer) fail(world, `the listener heard of ${info.referrer}, the next simulated request is ${simRequest?.referrer}`)
      const record: RequestRecord = { referrer: info.referrer, arrivedStep: world.step, results: [], simRequestId: simRequest?.id, handedFrom: [] }
      world.records.push(record)
      counts.intercepted++
      const top = topSlot(world)
      const refused = top !== undefined && inCooldown(top)
      world.arriving = record
      listener((result) => {
        onResult(world, record, result)
        resolve(result)
      }, info)
      world.arriving = undefined
      const events = record.results.map((r) => r.event).join()
      if (!top) {
        // No live store: answered disagree at once, or held for a store that mounts before the task ends.
        if (record.holder) fail(world, `${info.referrer}: held by store ${record.holder.index} though no store is live`)
        if (events === '') {
          record.orphan = true
          record.orphanedAt = Date.now()
          world.orphans.push(record)
        } else if (events !== 'disagree') fail(world, `${info.referrer}: expected disagree (no live store), got ${events}`)
      } else if (refused) {
        if (record.holder) fail(world, `${info.referrer}: held by store ${record.holder.index} inside its cooldown`)
        if (events !== 'disagree') fail(world, `${info.referrer}: expected one disagree at once (cooldown), got ${events}`)
      } else if (record.holder !== top) {
        fail(world, `${info.referrer}: routed to store ${record.holder?.index}, the live store is ${top.index}`)
      }
    })
  }
  world.adapter = createMiniProgramAdapter(api, platform)
  return world
}

/** Who may decide, and what the state must be right after: only the user's decision becomes lastDecision, and it hides the UI unless keepOpen. */
function onDecision(world: World, slot: Slot, decision: PrivacyDecision): void {
  const { action } = world
  const state = slot.store.getState()
  const previous = slot.lastUserDecision
  bump(counts.decisions, `${decision.reason}:${decision.event}`)
  for (const request of decision.requests) {
    if (world.decisions.has(request.id)) fail(world, `store ${slot.index}: request ${request.id} (${request.referrer}) decided twice`)
    world.decisions.set(request.id, { decision, slot })
  }
  const decidedIds = new Set(decision.requests.map((request) => request.id))
  const held = slot.queue.filter((record) => record.requestId !== undefined && decidedIds.has(record.requestId))
  // A decision answers every call the store holds.
  if (held.length !== slot.queue.length) fail(world, `store ${slot.index}: a ${decision.reason} decision left ${slot.queue.length - held.length} of its calls waiting`)
  slot.queue = []
  const label = `store ${slot.index}: ${decision.reason} ${decision.event} of ${decision.requests.length} request(s)`
  const { releasing } = world
  // A released store hands its calls to the store mounted before it, when there is one: no decision of its own.
  if (decision.reason !== 'user' && releasing?.from === slot && releasing.heir) fail(world, `${label}, though store ${releasing.heir.index} was mounted before it (hand-over expected)`)
  if (decision.reason !== 'user' && releasing?.from !== slot) fail(world, `${label} while the model saw no release of it`)
  if (decision.reason === 'user') {
    slot.lastUserDecision = decision
    const byAction = world.userDeciding && action.slot === slot && (decision.event === 'agree' ? ['tap', 'spoof'].includes(action.kind) : action.kind === 'disagree')
    // officialPopup: the platform's popup answers a require() (a promise callback, during any action); nothing is queued.
    const fromAction = byAction && (decision.event === 'disagree' || decision.buttonId === action.id)
    const fromOfficialPopup = !world.userDeciding && world.official && decision.requests.length === 0 && decision.buttonId === undefined
    if (!fromAction && !fromOfficialPopup) fail(world, `${label} (button ${decision.buttonId}) during "${action.kind}" on store ${action.slot?.index}`)
    if (fromOfficialPopup) slot.officialDecisions[decision.event]++
  } else if (decision.reason === 'unmount') {
    // At the end of the task after its last unmount (a timer), never while mounted or destroyed.
    if (!['advance', 'teardown'].includes(action.kind)) fail(world, `${label} during "${action.kind}"`)
    if (mounted(slot) || slot.destroyed) fail(world, `${label} though the store is ${slot.destroyed ? 'destroyed' : 'mounted'}`)
  } else if (decision.reason === 'destroy') {
    if (!(action.kind === 'destroy' && action.slot === slot) && action.kind !== 'teardown') fail(world, `${label} during "${action.kind}" on store ${action.slot?.index}`)
  } else fail(world, `${label}: unknown reason`)
  if (decision.reason !== 'user' && decision.event !== 'disagree') fail(world, `${label}: only the user agrees`)
  if (decision.reason !== 'user' && !decision.requests.length) fail(world, `${label}: a refusal of nothing`)
  if (state.lastDecision !== slot.lastUserDecision) {
    fail(world, `${label}: lastDecision is ${state.lastDecision ? `${state.lastDecision.reason} ${state.lastDecision.event}` : 'null'}, not the user's last decision${decision.reason === 'user' ? '' : ` (${previous ? previous.event : 'none'})`}`)
  }
  const keepOpen = world.userDeciding && action.kind === 'disagree' && action.keepOpen === true
  if (state.visible !== keepOpen) fail(world, `${label}: visible=${state.visible} right after it${keepOpen ? ' (keepOpen)' : ''}`)
  if (state.pending.length) fail(world, `${label}: ${state.pending.length} still pending right after it`)
}

function addStore(world: World): Slot {
  const { random } = world
  const slot = {
    index: world.slots.length,
    cooldownMs: random.pick([0, 0, 10_000]),
    unmounts: [],
    uis: [],
    destroyed: false,
    snapshots: [],
    lastCheckStart: -1,
    lastAgree: -1,
    lastUserDecision: null,
    officialDecisions: { agree: 0, disagree: 0 },
    lastMountOrder: 0,
    queue: [],
  } as unknown as Slot
  slot.store = createPrivacyStore({
    adapter: world.adapter,
    cooldownMs: slot.cooldownMs,
    checkTimeoutMs: random.pick([1000, 5000]),
    openOnRequired: random.chance(0.2),
    officialPopup: world.official,
    onDecision: (decision) => onDecision(world, slot, decision),
    onRequest: (request) => {
      // Without requirePrivacyAuthorize (h5), require() is a request of the store's own.
      if (!world.adapter.requireAuthorize && request.referrer === 'require' && !world.arriving) {
        const waiting = requireContext.getStore()
        if (!waiting) return fail(world, `store ${slot.index}: a "require" request outside any require()`)
        if (waiting.requestId !== undefined) fail(world, `require() of step ${waiting.step} made a second request`)
        waiting.requestId = request.id
        return
      }
      const { releasing } = world
      if (!world.arriving && releasing && releasing.heir === slot) {
        // A call handed over by a released store, in that store's order.
        const handed = releasing.toHand.shift()
        if (!handed) return fail(world, `store ${slot.index}: onRequest for more calls than store ${releasing.from.index} held`)
        if (handed.referrer !== request.referrer) fail(world, `store ${slot.index}: handed ${request.referrer}, store ${releasing.from.index} held ${handed.referrer} next`)
        handed.handedFrom.push(releasing.from)
        handed.holder = slot
        handed.requestId = request.id
        if (uiAttached(slot)) handed.shouldExpose = true
        slot.queue.push(handed)
        counts.handedOver++
        return
      }
      const decided = (record: RequestRecord) => record.results.some((result) => result.event !== 'exposureAuthorization')
      const record = world.arriving ?? world.orphans.find((held) => !held.holder && !decided(held))
      if (!record) return fail(world, `store ${slot.index}: onRequest for no request the platform sent`)
      if (!world.arriving && world.mounting !== slot) fail(world, `held ${record.referrer} handed to store ${slot.index}, which is not the store being mounted`)
      record.holder = slot
      record.requestId = request.id
      if (uiAttached(slot)) record.shouldExpose = true
      slot.queue.push(record)
    },
  })
  slot.lastNotified = slot.store.getState()
  slot.store.subscribe(() => {
    const state = slot.store.getState()
    const previous = slot.lastNotified
    if (state === previous) fail(world, `store ${slot.index} notified without a new snapshot`)
    slot.lastNotified = state
    if (previous.status === 'agreed' && state.status === 'required' && !state.pending.length && slot.lastAgree > slot.lastCheckStart) {
      // Only a check's answer does this, and every check of this store read the platform
      // before the user's last agree tap on it: a stale answer overwrote the agree.
      fail(world, `store ${slot.index}: agreed → required by a check that read the platform before the user's agree tap (stale result)`)
    }
    if (slot.snapshots.length < 64) slot.snapshots.push({ state, summary: summarize(state) })
    counts.maxPending = Math.max(counts.maxPending, state.pending.length)
  })
  world.slots.push(slot)
  counts.stores++
  return slot
}

function mount(world: World, slot: Slot): void {
  // The first mount (or require) starts the store's first check.
  if (slot.lastCheckStart < 0) slot.lastCheckStart = ++world.clock
  const handle: MountHandle = { slot, fn: () => {}, called: false, order: world.official ? 0 : ++world.mounts }
  if (!world.official) slot.lastMountOrder = handle.order
  world.live.push(handle)
  slot.unmounts.push(handle)
  world.mounting = slot
  try {
    handle.fn = slot.store.mount()
  } finally {
    world.mounting = undefined
  }
  world.orphans = world.orphans.filter((record) => !record.holder && record.results.length === 0)
}

/** Whether a promise is still waiting (its state as seen from outside, at this moment). */
const isPending = (promise: Promise<unknown>) => inspect(promise).includes('<pending>')

/** The latest still-mounted store whose mount came before `slot`'s latest mount (the router's order). */
function heirOf(world: World, slot: Slot): Slot | undefined {
  const before = world.live.filter((handle) => handle.slot !== slot && handle.order > 0 && handle.order < slot.lastMountOrder)
  return before[before.length - 1]?.slot
}

/**
 * `slot` is released now: every require() still waiting on it is cancelled (DESTROYED), and its
 * intercepted calls go to the store mounted before it, or are refused when there is none.
 */
function startRelease(world: World, slot: Slot, reason: 'unmount' | 'destroy'): void {
  for (const record of world.requires) {
    if (record.slot === slot && !record.cancelled && !record.destroyedBefore && isPending(record.promise)) {
      record.cancelled = reason
      counts.requiresCancelled++
    }
  }
  const heir = heirOf(world, slot)
  const records = slot.queue
  slot.queue = []
  world.releasing = { from: slot, reason, heir, heirRefuses: !!heir && inCooldown(heir), records, toHand: heir && !inCooldown(heir) ? records.slice() : [] }
  if (heir && records.length) counts.releasedWithHeir++
}

/** Right after the release: each call it held waits in the heir, or was refused (no heir, or the heir in its cooldown). */
function finishRelease(world: World): void {
  const release = world.releasing
  world.releasing = undefined
  if (!release) return
  const { from, heir, heirRefuses, reason } = release
  const label = `release of store ${from.index} (${reason})`
  for (const record of release.records) {
    const decisions = record.results.filter((result) => result.event !== 'exposureAuthorization')
    if (heir && !heirRefuses) {
      if (record.holder !== heir || decisions.length) fail(world, `${label}: ${record.referrer} not handed over to store ${heir.index}, mounted before it (held by ${record.holder?.index}, ${decisions.map((result) => result.event)})`)
    } else if (decisions.length !== 1 || decisions[0].event !== 'disagree') {
      fail(world, `${label}: ${record.referrer} not refused (${heir ? `store ${heir.index}, mounted before it, is in its cooldown` : 'no store mounted before it'}): ${decisions.map((result) => result.event)}`)
    } else if (heirRefuses) counts.handedOverRefused++
  }
  if (from.store.getState().pending.length) fail(world, `${label}: ${from.store.getState().pending.length} request(s) still pending in it`)
}

/**
 * Runs `unmount` (which ends a mount, or calls require() on an unmounted store): the store
 * is released at the end of the task unless it is mounted again by then. The model's own
 * zero-delay timers run just before and just after the store's, so it sees the moment of the release.
 */
function aroundRelease(world: World, slot: Slot, unmount: () => void): void {
  setTimeout(() => {
    if (!mounted(slot) && !slot.destroyed) startRelease(world, slot, 'unmount')
  }, 0)
  unmount()
  setTimeout(() => finishRelease(world), 0)
}

/** destroy(): released at once (a second destroy() does nothing). */
function destroyStore(world: World, slot: Slot): void {
  const first = !slot.destroyed
  slot.destroyed = true
  world.live = world.live.filter((live) => live.slot !== slot)
  if (first) startRelease(world, slot, 'destroy')
  try {
    slot.store.destroy()
  } finally {
    if (first) finishRelease(world)
  }
}

/** Held requests are answered or handed over by the end of the task (timers have run since). */
function checkOrphans(world: World): void {
  world.orphans = world.orphans.filter((record) => !record.holder && record.results.length === 0)
  // (A zero-delay timer set inside a fake timer's callback runs 1 ms later.)
  const late = world.orphans.filter((record) => record.orphanedAt! < Date.now())
  if (late.length) fail(world, `${late.map((record) => record.referrer)} still held after the task ended`)
}

/** The store whose consent UI the user is looking at: the live one, now and then another. */
function uiSlot(world: World): Slot {
  const top = topSlot(world)
  return top && world.random.chance(0.85) ? top : world.random.pick(world.slots)
}

const mounted = (slot: Slot) => !slot.destroyed && slot.unmounts.some((handle) => !handle.called)
const topSlot = (world: World): Slot | undefined => world.live[world.live.length - 1]?.slot
const uiAttached = (slot: Slot) => slot.uis.some((handle) => !handle.called)

/** Lets `ms` of fake time pass; as in a real runtime, promise callbacks run before and between timers. */
async function advance(ms: number): Promise<void> {
  await microtasks(8)
  for (let left = ms; left > 0; left -= 500) {
    jest.advanceTimersByTime(Math.min(500, left))
    await microtasks(8)
  }
  // Zero-delay timers set by promise callbacks just now (the ends of their tasks) run too.
  for (let i = 0; i < 5; i++) {
    jest.advanceTimersByTime(0)
    await microtasks(8)
  }
}

/** Runs every pending timer (hung checks time out), with promise callbacks in between. */
async function runAllTimers(): Promise<void> {
  // Enough for a require() to reach the platform from a fresh store (its check, then requirePrivacyAuthorize): 8 were not (PRIVACY_SEED=2).
  await microtasks(30)
  for (let i = 0; i < 50 && jest.getTimerCount() > 0; i++) {
    jest.advanceTimersToNextTimer()
    await microtasks(8)
  }
  if (jest.getTimerCount() > 0) throw new Error('timers keep coming back')
}

async function act(world: World, kind: string): Promise<void> {
  const { random, sim } = world
  const action: Action = { step: world.step, kind }
  world.action = action
  switch (kind) {
    case 'call': {
      const api = random.pick(CALL_APIS)
      const call: CallRecord = { api, success: 0, fail: 0 }
      world.calls.push(call)
      counts.calls++
      const before = sim!.requests.length
      sim!.call(api, {
        success: () => void call.success++,
        fail: (failure) => {
          call.fail++
          call.errno = failure.errno
        },
      })
      if (sim!.requests.length > before + 1) fail(world, `${api}: one call made ${sim!.requests.length - before} requests`)
      call.simRequestId = sim!.requests[before]?.id
      action.detail = api
      break
    }
    case 'tap': {
      const slot = uiSlot(world)
      const id = random.pick(BUTTON_IDS)
      Object.assign(action, { slot, id })
      sim?.tapAgreeButton(id)
      world.realTaps++
      slot.lastAgree = ++world.clock
      userDecides(world, () => slot.store.handleAgreeEvent(id))
      break
    }
    case 'spoof': {
      // An agree event naming a button the platform never saw tapped (a wrong button id).
      const slot = uiSlot(world)
      Object.assign(action, { slot, id: `ghost-${world.step}` })
      // The store cannot tell a spoofed event from a real one: it counts as an agree event
      // for require(); the platform refuses the agree (checked in checkRun).
      world.realTaps++
      userDecides(world, () => slot.store.handleAgreeEvent(action.id!))
      break
    }
    case 'disagree': {
      action.slot = uiSlot(world)
      // A consent UI the user cannot dismiss answers the waiting calls and stays up.
      action.keepOpen = random.chance(0.3)
      if (action.keepOpen) {
        action.detail = 'keepOpen'
        if (action.slot.store.getState().visible || action.slot.store.getState().pending.length) counts.keepOpenDisagrees++
      }
      const { store } = action.slot
      userDecides(world, () => store.disagree(action.keepOpen ? { keepOpen: true } : undefined))
      break
    }
    case 'open': {
      action.slot = uiSlot(world)
      action.slot.store.open()
      break
    }
    case 'require': {
      const slot = uiSlot(world)
      action.slot = slot
      const record = { slot, step: world.step, destroyedBefore: slot.destroyed } as RequireRecord
      if (slot.lastCheckStart < 0 && !slot.destroyed) slot.lastCheckStart = ++world.clock
      world.requires.push(record)
      const ask = () => (record.promise = requireContext.run(record, () => slot.store.require()))
      // On a store that is not mounted (listener mode), it is cancelled at the end of the task unless the store is mounted by then.
      if (!mounted(slot) && !slot.destroyed && !world.official) aroundRelease(world, slot, ask)
      else ask()
      record.promise.then(
        () => {
          if (record.settled) fail(world, 'require() settled twice')
          record.settled = 'resolved'
          record.settledStep = world.step
          record.consentsAtSettle = consents(world)
          record.destroyedAtSettle = slot.destroyed
        },
        (error) => {
          if (record.settled) fail(world, 'require() settled twice')
          record.settled = 'rejected'
          record.settledStep = world.step
          record.error = error
          record.destroyedAtSettle = slot.destroyed
        },
      )
      break
    }
    case 'mount': {
      const candidates = world.slots.filter((slot) => !slot.destroyed)
      if (!candidates.length || random.chance(0.03)) {
        const slot = random.pick(world.slots)
        action.slot = slot
        if (slot.destroyed) {
          let thrown: unknown
          try {
            slot.store.mount()
          } catch (error) {
            thrown = error
          }
          if (!(thrown instanceof PrivacyError) || thrown.code !== 'DESTROYED') fail(world, 'mount() after destroy() did not throw DESTROYED')
          break
        }
      }
      action.slot = random.pick(candidates.length ? candidates : world.slots)
      if (!action.slot.destroyed) mount(world, action.slot)
      break
    }
    case 'remount': {
      // StrictMode runs a provider's mount effect, its cleanup and the effect again in one task: the store keeps its requests.
      if (!world.live.length) break
      const handle = random.pick(world.live)
      action.slot = handle.slot
      handle.called = true
      world.live = world.live.filter((live) => live !== handle)
      aroundRelease(world, handle.slot, handle.fn)
      mount(world, handle.slot)
      counts.remounts++
      break
    }
    case 'officialAnswer': {
      const answer = random.pick(['agree', 'disagree'] as const)
      sim!.setOfficialPopup(answer)
      action.detail = answer
      break
    }
    case 'unmount': {
      const handles = world.slots.flatMap((slot) => slot.unmounts)
      if (!handles.length) break
      const open = handles.filter((handle) => !handle.called)
      // Often the live store's (its calls are handed to the store mounted before it); now and then
      // an unmount function is called a second time: it must do nothing.
      const top = world.live[world.live.length - 1]
      const handle = open.length && random.chance(0.9) ? (top && random.chance(0.5) ? top : random.pick(open)) : random.pick(handles)
      action.slot = handle.slot
      action.detail = handle.called ? 'again' : undefined
      if (!handle.called) {
        handle.called = true
        world.live = world.live.filter((live) => live !== handle)
        aroundRelease(world, handle.slot, handle.fn)
      } else handle.fn()
      break
    }
    case 'attachUI': {
      // A PrivacyModal mounts: pending requests of that store are now on screen.
      const slot = uiSlot(world)
      action.slot = slot
      for (const record of world.records) {
        if (record.holder === slot && !record.results.some((result) => result.event !== 'exposureAuthorization')) record.shouldExpose = true
      }
      const handle = { fn: () => {}, called: false }
      slot.uis.push(handle)
      handle.fn = slot.store.attachUI()
      break
    }
    case 'detachUI': {
      const handles = world.slots.flatMap((slot) => slot.uis.map((handle) => ({ slot, handle })))
      if (!handles.length) break
      const { slot, handle } = random.pick(handles)
      action.slot = slot
      action.detail = handle.called ? 'again' : undefined
      handle.called = true
      handle.fn()
      break
    }
    case 'newStore': {
      const slot = addStore(world)
      action.slot = slot
      if (random.chance(0.7)) mount(world, slot)
      break
    }
    case 'destroy': {
      const slot = random.pick(world.slots)
      action.slot = slot
      destroyStore(world, slot)
      break
    }
    case 'refresh': {
      const mode = random.weighted<CheckMode>({ answer: 4, fail: 2, hang: 2, throw: 1 })
      world.checkMode = mode
      bump(counts.checkModes, mode)
      sim?.setCheck(mode === 'throw' ? 'answer' : mode)
      action.slot = random.pick(world.slots)
      action.detail = mode
      if (!action.slot.destroyed) action.slot.lastCheckStart = ++world.clock
      action.slot.store.refresh().catch((error) => fail(world, `refresh() rejected: ${error}`))
      break
    }
    case 'revoke': {
      if (sim) sim.revokeConsent()
      else world.storage.clear()
      break
    }
    case 'declare': {
      sim?.declare('chooseAddress')
      break
    }
    case 'advance': {
      const ms = random.pick([1, 100, 1000, 4000, 5000, 10_000, 30_000])
      action.detail = `${ms}ms`
      await advance(ms)
      checkOrphans(world)
      checkStep(world, true)
      break
    }
    case 'yield': {
      const ticks = random.int(1, 6)
      action.detail = `${ticks}`
      await microtasks(ticks)
      break
    }
  }
  world.trace.push(`${action.step}: ${kind}${action.slot ? ` store${action.slot.index}` : ''}${action.id ? ` ${action.id}` : ''}${action.detail ? ` ${action.detail}` : ''}`)
}

/** `afterTimers`: the task has ended since the last unmount (settling after an unmount waits for it). */
function checkStep(world: World, afterTimers = false): void {
  for (const slot of world.slots) {
    const state = slot.store.getState()
    if (state !== slot.lastNotified) fail(world, `store ${slot.index}: the snapshot changed without a notification`)
    if (state.pending.length && !(state.visible && state.status === 'required' && state.needAuthorization)) {
      fail(world, `store ${slot.index}: pending requests but visible=${state.visible} status=${state.status}`)
    }
    if (afterTimers && state.pending.length && !mounted(slot)) fail(world, `store ${slot.index}: ${state.pending.length} pending after its last unmount and the end of the task`)
    if (state.lastDecision !== slot.lastUserDecision) fail(world, `store ${slot.index}: lastDecision is not the user's last decision`)
    if (state.lastDecision && state.lastDecision.reason !== 'user') fail(world, `store ${slot.index}: lastDecision has reason ${state.lastDecision.reason}`)
    if (world.official && state.pending.length) fail(world, `store ${slot.index} (officialPopup) holds requests`)
  }
}

/** Real agree taps (and spoofed ones), plus official popups the user agreed in. */
function consents(world: World): number {
  const official = world.sim ? world.sim.requests.filter((request) => request.settled === 'agree' && !request.events.length).length : 0
  return world.realTaps + official
}

/**
 * A rejected require() has the code of whoever settled it: its store when it cancelled it (released
 * while it waited: DESTROYED), otherwise whoever refused the request it made.
 */
function checkRejection(world: World, record: RequireRecord): void {
  const { error } = record
  const where = `require() of step ${record.step} on store ${record.slot.index}`
  if (!(error instanceof PrivacyError)) return fail(world, `${where} rejected with ${String(error)}`)
  bump(counts.requireRejections, error.code)
  const expect = (why: string, code: PrivacyErrorCode, errMsg?: string, errno?: number | null) => {
    if (error.code === code && (errMsg === undefined || error.errMsg === errMsg) && (errno === null || error.errno === errno)) return
    const wanted = `${code}${errMsg ? ` (${errMsg})` : ''}${errno === null ? '' : `, errno ${errno}`}`
    fail(world, `${where} rejected ${error.code} (${error.errMsg}, errno ${error.errno}), expected ${wanted}: ${why}`)
  }
  if (record.destroyedBefore) return expect('its store was destroyed before', 'DESTROYED', 'require:fail destroy', null)
  if (record.cancelled === 'destroy') return expect('its store was destroyed while it waited', 'DESTROYED', 'require:fail destroy', null)
  if (record.cancelled === 'unmount') return expect('its store was released while it waited (its last mount ended, not mounted again by the end of the task)', 'DESTROYED', 'require:fail unmount', null)
  // Not cancelled: still waiting at no release of its store.
  if (world.platform === 'h5') {
    const decided = record.requestId === undefined ? undefined : world.decisions.get(record.requestId)
    if (!decided) return expect('refused at once inside the cooldown', 'DENIED', undefined, null)
    const { reason } = decided.decision
    if (reason === 'user') return expect('the user disagreed', 'DENIED', 'require:fail privacy permission is not authorized', null)
    return fail(world, `${where}: its request was refused (${reason}) though the store was never released while it waited`)
  }
  if (record.simRequestId === undefined) return expect('refused before asking the platform (cooldown)', 'DENIED', undefined, null)
  if (world.official) {
    const errMsg = 'requirePrivacyAuthorize:fail privacy permission is not authorized (the official popup was refused)'
    return expect('the user refused the official popup (now or less than 10 s ago)', 'PRIVACY_NOT_AGREED', errMsg, 104)
  }
  // Listener mode: the package's own refusal, whoever made it (the user, a store in its cooldown, a
  // store released with none mounted before it, no store live), is DENIED and keeps the platform's errno.
  const request = world.records.find((candidate) => candidate.simRequestId === record.simRequestId)
  const answer = request?.results.find((result) => result.event !== 'exposureAuthorization')
  if (!answer) return fail(world, `${where} rejected ${error.code} though its interception was never answered`)
  const errMsg = 'requirePrivacyAuthorize:fail privacy permission is not authorized'
  if (answer.event === 'agree') return expect('agreed through a button the platform never saw tapped (no errno)', 'DENIED', errMsg, undefined)
  const by = request?.holder ? `store ${request.holder.index} refused its interception during "${answer.action.kind}"` : 'no store was live'
  bump(counts.deniedByPlatform, String(error.errno ?? 'none'))
  expect(by, 'DENIED', errMsg, world.disagreeErrno)
}

async function teardown(world: World): Promise<void> {
  const { random, sim } = world
  // Everything unmounts (in random order), as when the app's providers go away.
  const handles = world.slots.flatMap((slot) => slot.unmounts.filter((handle) => !handle.called))
  while (handles.length) {
    const [handle] = handles.splice(random.int(0, handles.length - 1), 1)
    world.action = { step: ++world.step, kind: 'unmount', slot: handle.slot }
    handle.called = true
    world.live = world.live.filter((live) => live !== handle)
    aroundRelease(world, handle.slot, handle.fn)
    checkStep(world)
  }
  world.action = { step: ++world.step, kind: 'teardown' }
  // Nothing pending after unmount: when the task ends, every request a store held has its
  // decision, and requests held for a store that never came are refused…
  await runAllTimers()
  checkOrphans(world)
  checkStep(world, true)
  const held = world.records.filter((record) => record.holder && !record.results.some((result) => result.event !== 'exposureAuthorization'))
  if (held.length) fail(world, `${held.length} request(s) held by stores still undecided after every store unmounted`)
  if (sim && sim.pending.length) fail(world, `${sim.pending.length} platform requests still pending after every store unmounted`)
  // …and every require() settles once hung checks time out (no store destroyed for it).
  checkStep(world)
  const unsettled = world.requires.filter((record) => !record.settled)
  if (unsettled.length) fail(world, `${unsettled.length} require() promise(s) never settled after every store unmounted`)
  world.action = { step: ++world.step, kind: 'teardown', detail: 'destroy' }
  for (const slot of world.slots) destroyStore(world, slot)
  await microtasks(10)
}

function checkRun(world: World): void {
  const { sim } = world
  if (sim) {
    // officialPopup: no listener at all, the platform shows its own popup.
    const listeners = world.official ? 0 : 1
    if (world.registrations !== listeners || sim.listenerRegistrations !== listeners) {
      fail(world, `platform listener registered ${sim.listenerRegistrations} times (expected ${listeners})`)
    }
    counts.officialPopups += sim.officialPopups
    if (!world.official && sim.officialPopups) fail(world, `${sim.officialPopups} official popups though a listener answers every interception`)
    for (const record of world.records) {
      const decisions = record.results.filter((result) => result.event !== 'exposureAuthorization')
      if (decisions.length !== 1) fail(world, `${record.referrer} (step ${record.arrivedStep}): ${decisions.length} decisions`)
      const exposures = record.results.filter((result) => result.event === 'exposureAuthorization').length
      const expected = record.shouldExpose && world.adapter.reportsExposure ? 1 : 0
      if (exposures !== expected) fail(world, `${record.referrer} (step ${record.arrivedStep}): ${exposures} exposures, expected ${expected}`)
      if (exposures && record.results[0].event !== 'exposureAuthorization') fail(world, `${record.referrer}: exposure after the decision`)
    }
    for (const request of sim.requests) {
      const decisions = request.events.filter((event) => event === 'agree' || event === 'disagree').length
      if (request.events.length && decisions !== 1) fail(world, `platform request ${request.id} got ${request.events}`)
    }
    // Agree is accepted only for a tapped button: the only refusals are the spoofed ids.
    const refused = sim.violations.filter((violation) => /agree names button "ghost-\d+", which the user never tapped/.test(violation))
    const other = sim.violations.filter((violation) => !refused.includes(violation))
    if (other.length) fail(world, `platform violations: ${other.join('; ')}`)
    if (refused.length !== world.spoofReleases) fail(world, `${refused.length} refused agrees, ${world.spoofReleases} spoofed releases`)
    for (const call of world.calls) {
      if (call.success + call.fail !== 1) fail(world, `${call.api}: success ${call.success}, fail ${call.fail}`)
      if (call.errno === 112) counts.undeclaredCalls++
      const simRequest = sim.requests.find((request) => request.id === call.simRequestId)
      if (simRequest && (call.success === 1) !== (simRequest.settled === 'agree')) fail(world, `${call.api}: request ${simRequest.settled}, but success ${call.success}`)
      const record = world.records.find((candidate) => candidate.simRequestId !== undefined && candidate.simRequestId === call.simRequestId)
      const decision = record?.results.find((result) => result.event !== 'exposureAuthorization')
      if (decision) {
        const accepted = decision.event === 'agree' && decision.action.kind === 'tap'
        if (accepted ? call.success !== 1 : call.fail !== 1) fail(world, `${call.api}: ${decision.event} but success ${call.success}`)
      }
    }
  }
  for (const record of world.requires) {
    if (record.settled === 'resolved') {
      counts.requiresResolved++
      if (!world.initiallyAgreed && record.consentsAtSettle === 0) fail(world, `require() of step ${record.step} resolved at step ${record.settledStep} though the user never agreed`)
      if (record.cancelled) fail(world, `require() of step ${record.step} resolved at step ${record.settledStep} though its store was released (${record.cancelled}) while it waited`)
    } else if (record.settled === 'rejected') {
      counts.requiresRejected++
      checkRejection(world, record)
    }
  }
  if (world.official) {
    // The platform's popup answered each require() that asked it: that answer is the user's decision.
    for (const slot of world.slots) {
      // (A require() cancelled by its store's release rejects DESTROYED, and the popup's later answer is no decision.)
      const agreed = world.requires.filter((record) => record.slot === slot && record.platformAsked && record.settled === 'resolved').length
      const refused = world.requires.filter((record) => record.slot === slot && (record.error as PrivacyError | undefined)?.code === 'PRIVACY_NOT_AGREED').length
      const { agree, disagree } = slot.officialDecisions
      if (agree !== agreed || disagree !== refused) {
        fail(world, `store ${slot.index}: ${agreed} require() agreed and ${refused} refused in the official popup, but the store recorded ${agree} agree and ${disagree} disagree decisions`)
      }
    }
  }
  for (const slot of world.slots) {
    for (const { state, summary } of slot.snapshots) {
      if (summarize(state) !== summary) fail(world, `store ${slot.index}: a published snapshot was mutated`)
    }
  }
}

async function runOnce(seed: number): Promise<World> {
  // Each run is a fresh app: nothing mounted in the app-wide router.
  resetRouting()
  const world = createWorld(seed)
  const { random } = world
  addStore(world)
  mount(world, world.slots[0])
  // Most apps render a PrivacyModal (a consent UI attached to the store).
  if (random.chance(0.7)) world.slots[0].uis.push({ fn: world.slots[0].store.attachUI(), called: false }) // nothing pending yet
  // Now and then a second provider mounted inside the first (a page's own): calls go to it, and to the first once it is released.
  if (random.chance(0.3)) {
    const inner = addStore(world)
    mount(world, inner)
    if (random.chance(0.5)) inner.uis.push({ fn: inner.store.attachUI(), called: false })
  }
  const weights: Record<string, number> =
    world.platform === 'h5'
      ? { tap: 8, disagree: 6, open: 3, require: 14, mount: 4, remount: 2, unmount: 5, newStore: 2, destroy: 1, refresh: 5, revoke: 3, advance: 6, yield: 10 }
      : { call: 30, tap: 8, spoof: 2, disagree: 6, open: 3, require: 8, mount: 4, remount: 2, unmount: 5, newStore: 2, destroy: 1, refresh: 5, revoke: 3, declare: 1, attachUI: 3, detachUI: 2, advance: 6, yield: 10 }
  if (world.official) Object.assign(weights, { require: 14, officialAnswer: 3 })
  const length = random.int(1, 40)
  for (let i = 0; i < length && world.failures.length === 0; i++) {
    world.step = i + 1
    const kind = random.weighted(weights)
    bump(counts.byAction, kind)
    counts.actions++
    await act(world, kind)
    checkStep(world)
    if (random.chance(0.3)) {
      const ticks = random.int(1, 3)
      world.action = { step: world.step, kind: 'yield' }
      world.trace.push(`${world.step}: (then ${ticks} microtask${ticks > 1 ? 's' : ''})`)
      await microtasks(ticks)
      checkStep(world)
    }
    if (process.env.PRIVACY_DEBUG) world.trace.push(`    ${world.slots.map((slot) => `store${slot.index}[${summarize(slot.store.getState())}]`).join(' ')}`)
  }
  if (!world.failures.length) await teardown(world)
  if (!world.failures.length) checkRun(world)
  counts.runs++
  bump(counts.byPlatform, world.platform)
  if (world.sim) bump(counts.byLatency, `${world.latency}ms`)
  if (world.official) counts.officialWorlds++
  return world
}

function report(world: World, index: number): string {
  const mode = world.sim ? `, latency ${world.latency} ms${world.official ? ', officialPopup' : ''}` : ''
  const heading = `Invariant broken in run ${index} (platform ${world.platform}${mode}, initially agreed: ${world.initiallyAgreed}).`
  return brokenRunReport(heading, '__tests__/reliability/interleavings.test.ts', MASTER_SEED, world, 60)
}

describe('randomized interleavings (core store + platform simulator)', () => {
  randomizedSuiteLifecycle('BENCH_RELIABILITY_OUT', () => ({ seed: MASTER_SEED, failure, ...counts }))

  it(`keeps every invariant over ${ONLY_RUN_SEED === undefined ? RUNS : 1} seeded runs`, async () => {
    const seeds = ONLY_RUN_SEED === undefined ? Array.from({ length: RUNS }, (_, i) => runSeed(MASTER_SEED, i)) : [ONLY_RUN_SEED]
    // PRIVACY_KEEP_GOING=1 runs everything and reports each kind of failure once (exploration).
    const keepGoing = !!process.env.PRIVACY_KEEP_GOING
    const kinds = new Map<string, string>()
    for (let index = 0; index < seeds.length; index++) {
      jest.clearAllTimers()
      const world = await runOnce(seeds[index])
      if (!world.failures.length) continue
      if (!keepGoing) throw new Error((failure = report(world, index)))
      const kind = world.failures[0].replace(/^step \d+ /, '').replace(/\d+/g, 'N')
      if (!kinds.has(kind)) kinds.set(kind, report(world, index))
    }
    if (kinds.size) throw new Error((failure = [...kinds.values()].join('\n\n')))
    expect(counts.runs).toBe(seeds.length)
    // The minimum counts are for the full sequence (a shorter one, PRIVACY_RUNS, checks the invariants only).
    if (ONLY_RUN_SEED === undefined && RUNS >= 10_000) {
      expect(counts.runs).toBeGreaterThanOrEqual(10_000)
      // The generator reaches every kind of event (a run of only no-ops proves nothing).
      expect(counts.agreed).toBeGreaterThan(1000)
      expect(counts.disagreedHeld).toBeGreaterThan(1000)
      expect(counts.disagreedAtOnce).toBeGreaterThan(100)
      expect(counts.spoofedAgreesRefused).toBeGreaterThan(50)
      expect(counts.requiresResolved).toBeGreaterThan(500)
      expect(counts.requiresRejected).toBeGreaterThan(500)
      expect(counts.undeclaredCalls).toBeGreaterThan(100)
      expect(Object.keys(counts.checkModes).sort()).toEqual(['answer', 'fail', 'hang', 'throw'])
      expect(Object.keys(counts.byLatency).sort()).toEqual(['0ms', '1500ms', '1ms', '60ms', '700ms'])
      expect(counts.officialWorlds).toBeGreaterThan(500)
      expect(counts.officialPopups).toBeGreaterThan(500)
      expect(counts.keepOpenDisagrees).toBeGreaterThan(200)
      expect(counts.remounts).toBeGreaterThan(500)
      for (const decision of ['user:agree', 'user:disagree', 'unmount:disagree', 'destroy:disagree']) expect(counts.decisions[decision]).toBeGreaterThan(100)
      for (const code of ['DENIED', 'DESTROYED', 'PRIVACY_NOT_AGREED']) expect(counts.requireRejections[code]).toBeGreaterThan(50)
      // Releases: require()s cancelled, calls handed to the store mounted before (also into its cooldown), refusals with the platform's errno 104 and without.
      expect(counts.requiresCancelled).toBeGreaterThan(1000)
      expect(counts.releasedWithHeir).toBeGreaterThan(50)
      expect(counts.handedOver).toBeGreaterThan(100)
      expect(counts.handedOverRefused).toBeGreaterThan(0)
      expect(counts.deniedByPlatform['104']).toBeGreaterThan(50)
      expect(counts.deniedByPlatform.none).toBeGreaterThan(50)
    }
  }, 120_000)
})
