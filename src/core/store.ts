import { guard, warn } from './dev'
import { PrivacyError, toPrivacyError } from './errors'
import { hubFor } from './hub'
import type {
  DecisionReason,
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
  /**
   * Show the consent UI when a check says consent is needed: at most once per store (one
   * launch), and never after the user refused in it. Default false.
   */
  openOnRequired?: boolean
  /**
   * Register no platform listener: the platform shows its official popup for intercepted
   * calls (WeChat since 2023-10-17) and `require()` goes through `requirePrivacyAuthorize`.
   * The store keeps status, `require()` and typed errors. Default false.
   */
  officialPopup?: boolean
  /** Opens the app's own agreement page from `openContract()`, on every platform, instead of the platform's contract page. */
  openContract?: () => void | Promise<void>
  onRequest?: (request: PrivacyRequest) => void
  onDecision?: (decision: PrivacyDecision) => void
}

export interface DisagreeOptions {
  /** Keep the consent UI on screen after answering the waiting calls (consent the user cannot dismiss). */
  keepOpen?: boolean
}

export interface PrivacyActions {
  /** Show the consent UI proactively (creates no platform request). */
  open(): void
  /** Settle every pending request as disagree and hide the consent UI (unless `keepOpen`). */
  disagree(options?: DisagreeOptions): void
  /** Opens the contract (`openContract` option, or the platform's page); rejects with a `PrivacyError`. */
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

/** A require() waiting on requirePrivacyAuthorize, and who answered the interception it made. */
interface PlatformRequire {
  /** `lastRequestId` when it started. */
  after: number
  reason?: DecisionReason
}

/** A request waiting for the user, with the platform's `resolve` it must be answered through. */
interface Pending {
  request: PrivacyRequest
  /** The platform's `resolve`, or the store's own answer to a `require()` (which reads the reason). */
  respond: (result: PlatformResolution, reason?: DecisionReason) => void
  /** `exposureAuthorization` already sent. */
  exposed: boolean
}

function attempt<T>(call: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve) => resolve(call()))
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new PrivacyError('TIMEOUT', 'no answer after ' + ms + ' ms')), ms)
    promise.then(resolve, reject).finally(() => clearTimeout(timer))
  })
}

export function createPrivacyStore(options: PrivacyStoreOptions): PrivacyStore {
  const { adapter, cooldownMs = 0, checkTimeoutMs = 5000 } = options
  if (process.env.NODE_ENV !== 'production') {
    ;(['onRequest', 'onDecision', 'openContract'] as const).forEach((name) => {
      if (options[name] !== undefined && typeof options[name] !== 'function')
        warn(`createPrivacyStore: ${name} must be a function; got ${typeof options[name]}. It will not be called.`)
    })
  }
  // In official-popup mode no listener is registered, so the platform answers interceptions itself.
  const hub = options.officialPopup ? undefined : hubFor(adapter)
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
  // openOnRequired shows the UI at most once, and never after a refusal, per store.
  let proactiveAllowed = !!options.openOnRequired
  // require()s waiting on requirePrivacyAuthorize in listener mode, each with the reason of
  // the first decision on a requirePrivacyAuthorize interception made after it started: the
  // platform's failure alone cannot tell an unmount's refusal from the user's. (The platform
  // does not say which call an interception is for, so two require()s at once share it.)
  let platformRequires: PlatformRequire[] = []
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
    if (queueChanged) state = Object.assign({}, state, { pending: queue.map(({ request }) => request) })
    queueChanged = false
    return state
  }

  function notify(): void {
    listeners.forEach((listener) => guard(listener))
  }

  function setState(patch: Partial<PrivacyState>): void {
    if ((Object.keys(patch) as (keyof PrivacyState)[]).every((key) => Object.is(state[key], patch[key]))) return
    const exposing = !state.visible && patch.visible
    state = Object.assign({}, state, patch)
    if (exposing) reportExposure(queue)
    notify()
  }

  function reportExposure(entries: readonly Pending[]): void {
    if (!state.visible || !uis || !adapter.reportsExposure) return
    // forEach, not for…of: Taro's babel turns for…of into an iterator helper.
    entries.forEach((entry) => {
      if (entry.exposed) return
      entry.exposed = true
      guard(entry.respond, { event: 'exposureAuthorization' })
    })
  }

  function inCooldown(): boolean {
    const last = state.lastDecision
    return cooldownMs > 0 && last !== null && last.event === 'disagree' && Date.now() - last.at < cooldownMs
  }

  const intercept: InterceptionHandler = (respond, referrer) => {
    if (inCooldown()) return guard(respond, { event: 'disagree' })
    const request: PrivacyRequest = { id: ++lastRequestId, referrer, since: Date.now() }
    const entry: Pending = { request, respond, exposed: false }
    queue.push(entry)
    queueChanged = true
    const wasVisible = state.visible
    state = Object.assign({}, state, { visible: true, status: 'required', needAuthorization: true })
    reportExposure(wasVisible ? [entry] : queue)
    notify()
    guard(options.onRequest, request)
    if (process.env.NODE_ENV !== 'production' && !uis) {
      setTimeout(() => {
        // (An unmounted store refuses its requests itself: nothing to warn about.)
        if (!uis && mounts && queue.includes(entry))
          warn(`"${referrer}" is waiting for consent but no consent UI is mounted: render <PrivacyModalPortal /> in the provider or <PrivacyModal /> in the page.`)
      }, 0)
    }
  }

  /**
   * Answers every waiting call. Only the user's own decision becomes `lastDecision` and
   * starts the cooldown; an unmount's or destroy's refusal is reported with its reason.
   */
  function settle(event: 'agree' | 'disagree', reason: DecisionReason, buttonId?: string, keepOpen?: boolean): void {
    const entries = queue.splice(0)
    const requests = entries.map(({ request }) => request)
    const result: PlatformResolution = event === 'agree' ? { event, buttonId: buttonId as string } : { event }
    const decision: PrivacyDecision = { event, reason, buttonId, requests, at: Date.now() }
    const patch: Partial<PrivacyState> = { pending: [], visible: !!keepOpen }
    if (reason === 'user') Object.assign(patch, { lastDecision: decision })
    if (reason === 'user' && event === 'disagree') proactiveAllowed = false
    if (event === 'agree') Object.assign(patch, { status: 'agreed', needAuthorization: false })
    queueChanged = false
    platformRequires.forEach((waiting) => {
      if (!waiting.reason && requests.some((request) => request.id > waiting.after && request.referrer === 'requirePrivacyAuthorize')) waiting.reason = reason
    })
    setState(patch)
    entries.forEach(({ respond }) => guard((answer: PlatformResolution) => respond(answer, reason), result))
    guard(options.onDecision, decision)
  }

  /** Unless the store is mounted again by the end of the task (StrictMode remounts at once), nobody can answer its requests. */
  function settleIfUnmounted(): void {
    setTimeout(() => {
      if (!mounts && !destroyed && queue.length) settle('disagree', 'unmount')
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
        const proactive = setting.needAuthorization && proactiveAllowed
        if (proactive) proactiveAllowed = false
        setState({
          status: needed ? 'required' : 'agreed',
          needAuthorization: needed,
          contractName: setting.contractName || state.contractName,
          error: null,
          visible: state.visible || proactive,
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
      const respond = (result: PlatformResolution, reason?: DecisionReason) => {
        if (result.event === 'agree') return resolve()
        // Refused by an unmount or destroy, not by the user (nor by the cooldown, which has no reason).
        reject(
          reason && reason !== 'user'
            ? new PrivacyError('DESTROYED', 'require:fail ' + reason)
            : new PrivacyError('DENIED', 'require:fail privacy permission is not authorized'),
        )
      }
      intercept(respond, 'require')
      if (!mounts) settleIfUnmounted()
    })
  }

  function askPlatform(): Promise<void> {
    if (inCooldown()) throw new PrivacyError('DENIED', 'refused inside the cooldown after a disagree')
    // Without a listener the platform asks the user in its official popup: the answer is the user's decision.
    const official = !hub && !!adapter.requireAuthorize
    const waiting: PlatformRequire | undefined = hub && adapter.requireAuthorize ? { after: lastRequestId } : undefined
    if (waiting) platformRequires.push(waiting)
    return attempt(adapter.requireAuthorize || askInApp)
      .finally(() => {
        platformRequires = platformRequires.filter((other) => other !== waiting)
      })
      .then(
        () => {
          if (destroyed) return
          if (official) settle('agree', 'user')
          else if (!queue.length) setState({ status: 'agreed', needAuthorization: false })
        },
        (failure) => {
          if (destroyed) throw new PrivacyError('DESTROYED')
          const error = toPrivacyError(failure)
          if (official && (error.code === 'USER_REJECTED' || error.code === 'PRIVACY_NOT_AGREED')) settle('disagree', 'user')
          // Refused because the store unmounted, not because the user said no. A destroy was answered above.
          const refused = error.code === 'DENIED' || error.code === 'PRIVACY_NOT_AGREED'
          if (refused && waiting && waiting.reason === 'unmount') throw new PrivacyError('DESTROYED', 'require:fail unmount')
          throw error
        },
      )
  }

  function requireConsent(): Promise<void> {
    if (destroyed) return Promise.reject(new PrivacyError('DESTROYED'))
    if (!check) runCheck()
    const checked = state.status === 'checking' ? (check as Promise<void>) : Promise.resolve()
    return checked.then(() => {
      if (destroyed) throw new PrivacyError('DESTROYED')
      if (state.status === 'agreed' || state.status === 'unsupported') return
      return askPlatform()
    })
  }

  return {
    adapter,
    getState,
    subscribe(listener) {
      if (typeof listener !== 'function')
        throw new TypeError(
          process.env.NODE_ENV !== 'production'
            ? `[taro-privacy] subscribe(listener): listener must be a function; got ${typeof listener}.`
            : '[taro-privacy] subscribe: listener must be a function',
        )
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    mount() {
      if (destroyed) throw new PrivacyError('DESTROYED', 'mount() after destroy()')
      mounts++
      const unmount = hub ? hub.mount(intercept) : undefined
      if (!check) runCheck()
      let mounted = true
      return () => {
        if (!mounted) return
        mounted = false
        mounts--
        if (unmount) unmount()
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
      settle('agree', 'user', buttonId)
    },
    open() {
      if (!destroyed) setState({ visible: true })
    },
    disagree(disagreeOptions) {
      if (!destroyed && (state.visible || queue.length)) settle('disagree', 'user', undefined, disagreeOptions && disagreeOptions.keepOpen)
    },
    openContract: () =>
      destroyed
        ? Promise.resolve()
        : attempt(() => (typeof options.openContract === 'function' ? Promise.resolve(options.openContract()) : adapter.openContract())).then(
            () => undefined,
            (failure) => {
              throw toPrivacyError(failure)
            },
          ),
    refresh: () => (destroyed ? Promise.resolve() : runCheck()),
    require: requireConsent,
    destroy() {
      if (destroyed) return
      if (hub) hub.drop(intercept)
      destroyed = true
      if (queue.length) settle('disagree', 'destroy')
      listeners.clear()
    },
  }
}
