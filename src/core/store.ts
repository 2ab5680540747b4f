import { DEV, guard, warn } from './dev'
import { PrivacyError, toPrivacyError } from './errors'
import { hubFor } from './hub'
import type {
  InterceptionHandler,
  PlatformResolution,
  PrivacyAdapter,
  PrivacyDecision,
  PrivacyRequest,
  PrivacyState,
} from './types'

export interface PrivacyStoreOptions {
  adapter: PrivacyAdapter
  /** After a disagree, refuse new requests at once for this long (ms). Default 0. */
  cooldownMs?: number
  /** How long the initial `getPrivacySetting` may take before status becomes `error`. Default 5000. */
  checkTimeoutMs?: number
  /** Show the consent UI as soon as the check says consent is needed. Default false. */
  openOnRequired?: boolean
  onRequest?: (request: PrivacyRequest) => void
  onDecision?: (decision: PrivacyDecision) => void
}

export interface PrivacyActions {
  /** Show the consent UI proactively (creates no platform request). */
  open(): void
  /** Settle every pending request as disagree and hide the consent UI. */
  disagree(): void
  openContract(): Promise<void>
  /** Ask the platform again (`getPrivacySetting`). */
  refresh(): Promise<void>
  /** Resolves once the user has agreed (at once when agreed or unsupported); rejects with a `PrivacyError`. */
  require(): Promise<void>
}

export interface PrivacyStore extends PrivacyActions {
  readonly adapter: PrivacyAdapter
  getState(): PrivacyState
  subscribe(listener: () => void): () => void
  /**
   * Makes this store the one that receives interceptions. Returns the unmount function:
   * unless the store is mounted again in the same task, its pending requests are then
   * settled as disagree.
   */
  mount(): () => void
  /**
   * Declares a consent UI on screen while the state is `visible` (`PrivacyModal` does this);
   * returns the detach function. `exposureAuthorization` is reported only while one is attached.
   */
  attachUI(): () => void
  /** Called by the agree button's agree event (a real tap the platform has seen). Not an API to agree in code. */
  handleAgreeEvent(buttonId: string): void
  /** Settles everything as disagree and detaches the store for good. */
  destroy(): void
}

let lastRequestId = 0

/** A request waiting for the user, with the platform's `resolve` it must be answered through. */
interface Pending {
  request: PrivacyRequest
  respond: (result: PlatformResolution) => void
  /** `exposureAuthorization` already sent. */
  exposed: boolean
}

function attempt<T>(call: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve) => resolve(call()))
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new PrivacyError('TIMEOUT', `no answer after ${ms} ms`)), ms)
    promise.then(resolve, reject).finally(() => clearTimeout(timer))
  })
}

export function createPrivacyStore(options: PrivacyStoreOptions): PrivacyStore {
  const { adapter, cooldownMs = 0, checkTimeoutMs = 5000 } = options
  if (DEV) {
    for (const name of ['onRequest', 'onDecision'] as const) {
      if (options[name] !== undefined && typeof options[name] !== 'function')
        warn(`createPrivacyStore: ${name} must be a function; got ${typeof options[name]}. It will not be called.`)
    }
  }
  const hub = hubFor(adapter)
  const listeners = new Set<() => void>()
  // The queue grows in place; its snapshot (`state.pending`) is copied only when read, so
  // a burst of interceptions costs linear time.
  const queue: Pending[] = []
  let queueChanged = false
  let check: Promise<void> | undefined
  let checks = 0
  let agrees = 0
  let mounts = 0
  let uis = 0
  let destroyed = false
  let state: PrivacyState = {
    platform: adapter.platform,
    status: 'checking',
    needAuthorization: false,
    contractName: '',
    pending: [],
    visible: false,
    lastDecision: null,
    error: null,
  }

  function getState(): PrivacyState {
    if (queueChanged) state = { ...state, pending: queue.map(({ request }) => request) }
    queueChanged = false
    return state
  }

  function notify(): void {
    listeners.forEach((listener) => guard(listener))
  }

  function setState(patch: Partial<PrivacyState>): void {
    if ((Object.keys(patch) as (keyof PrivacyState)[]).every((key) => Object.is(state[key], patch[key]))) return
    const exposing = !state.visible && patch.visible
    state = { ...state, ...patch }
    if (exposing) reportExposure(queue)
    notify()
  }

  function reportExposure(entries: readonly Pending[]): void {
    if (!state.visible || !uis || !adapter.reportsExposure) return
    for (const entry of entries) {
      if (entry.exposed) continue
      entry.exposed = true
      guard(entry.respond, { event: 'exposureAuthorization' })
    }
  }

  function inCooldown(): boolean {
    const last = state.lastDecision
    return cooldownMs > 0 && last?.event === 'disagree' && Date.now() - last.at < cooldownMs
  }

  const intercept: InterceptionHandler = (respond, referrer) => {
    if (inCooldown()) return guard(respond, { event: 'disagree' })
    const request: PrivacyRequest = { id: ++lastRequestId, referrer, since: Date.now() }
    const entry: Pending = { request, respond, exposed: false }
    queue.push(entry)
    queueChanged = true
    const wasVisible = state.visible
    state = { ...state, visible: true, status: 'required', needAuthorization: true }
    reportExposure(wasVisible ? [entry] : queue)
    notify()
    guard(options.onRequest, request)
    if (DEV && !uis) {
      setTimeout(() => {
        if (!uis && queue.includes(entry))
          warn(`"${referrer}" is waiting for consent but no consent UI is mounted: render <PrivacyModalPortal /> in the provider or <PrivacyModal /> in the page.`)
      }, 0)
    }
  }

  function settle(event: 'agree' | 'disagree', buttonId?: string): void {
    const entries = queue.splice(0)
    const requests = entries.map(({ request }) => request)
    const result: PlatformResolution = event === 'agree' ? { event, buttonId: buttonId as string } : { event }
    const decision: PrivacyDecision = { event, buttonId, requests, at: Date.now() }
    const agreed = event === 'agree' ? ({ status: 'agreed', needAuthorization: false } as const) : {}
    queueChanged = false
    setState({ pending: [], visible: false, lastDecision: decision, ...agreed })
    entries.forEach(({ respond }) => guard(respond, result))
    guard(options.onDecision, decision)
  }

  /** Unless the store is mounted again by the end of the task (StrictMode remounts at once), nobody can answer its requests. */
  function settleIfUnmounted(): void {
    setTimeout(() => {
      if (!mounts && !destroyed && queue.length) settle('disagree')
    }, 0)
  }

  function runCheck(): Promise<void> {
    const id = ++checks
    const agreesBefore = agrees
    // An answer is stale when a newer check started, or the user agreed after it was asked.
    const stale = () => destroyed || id !== checks || agrees !== agreesBefore
    check = withTimeout(attempt(() => adapter.getSetting()), checkTimeoutMs).then(
      (setting) => {
        if (stale()) return void (!destroyed && setting.contractName && setState({ contractName: setting.contractName }))
        const needed = setting.needAuthorization || queue.length > 0
        setState({
          status: needed ? 'required' : 'agreed',
          needAuthorization: needed,
          contractName: setting.contractName || state.contractName,
          error: null,
          visible: state.visible || (setting.needAuthorization && !!options.openOnRequired),
        })
      },
      (failure) => {
        if (stale()) return
        const error = toPrivacyError(failure)
        const unsupported = error.code === 'UNSUPPORTED'
        setState({
          status: queue.length ? 'required' : unsupported ? 'unsupported' : 'error',
          error: unsupported ? null : error,
        })
      },
    )
    return check
  }

  // Where the platform has no requirePrivacyAuthorize (h5), require() is a request of its
  // own, answered like an intercepted call.
  function askInApp(): Promise<void> {
    return new Promise((resolve, reject) => {
      intercept((result) => (result.event === 'agree' ? resolve() : reject(new PrivacyError('DENIED'))), 'require')
      if (!mounts) settleIfUnmounted()
    })
  }

  async function requireConsent(): Promise<void> {
    if (destroyed) throw new PrivacyError('DESTROYED')
    if (!check) runCheck()
    if (state.status === 'checking') await check
    if (destroyed) throw new PrivacyError('DESTROYED')
    if (state.status === 'agreed' || state.status === 'unsupported') return
    if (inCooldown()) throw new PrivacyError('DENIED', 'refused inside the cooldown after a disagree')
    try {
      await attempt(adapter.requireAuthorize ?? askInApp)
    } catch (failure) {
      throw destroyed ? new PrivacyError('DESTROYED') : toPrivacyError(failure)
    }
    if (!destroyed && !queue.length) setState({ status: 'agreed', needAuthorization: false })
  }

  return {
    adapter,
    getState,
    subscribe(listener) {
      if (typeof listener !== 'function')
        throw new TypeError(`[taro-privacy] subscribe(listener): listener must be a function; got ${typeof listener}.`)
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    mount() {
      if (destroyed) throw new PrivacyError('DESTROYED', 'mount() after destroy()')
      mounts++
      const unmount = hub.mount(intercept)
      if (!check) runCheck()
      let mounted = true
      return () => {
        if (!mounted) return
        mounted = false
        mounts--
        unmount()
        settleIfUnmounted()
      }
    },
    attachUI() {
      uis++
      reportExposure(queue)
      let attached = true
      return () => {
        if (attached) uis--
        attached = false
      }
    },
    handleAgreeEvent(buttonId) {
      if (destroyed) return
      // The platform recorded consent with the tap, whatever is pending: older checks are stale.
      agrees++
      guard(adapter.recordAgree)
      if (state.status === 'agreed' && !state.visible && !queue.length) return
      settle('agree', buttonId)
    },
    open() {
      if (!destroyed) setState({ visible: true })
    },
    disagree() {
      if (!destroyed && (state.visible || queue.length)) settle('disagree')
    },
    openContract: () =>
      destroyed
        ? Promise.resolve()
        : attempt(() => adapter.openContract()).catch((failure) => setState({ error: toPrivacyError(failure) })),
    refresh: () => (destroyed ? Promise.resolve() : runCheck()),
    require: requireConsent,
    destroy() {
      if (destroyed) return
      hub.drop(intercept)
      destroyed = true
      if (queue.length) settle('disagree')
      listeners.clear()
    },
  }
}
