import { report, warn } from './dev'
import { PrivacyError, toPrivacyError } from './errors'
import { dropRoutes, listenThrough, mountedBefore, mountRoute, unmountRoute } from './hub'
import type { DecisionReason, InterceptionHandler, PlatformResolution, PrivacyDecision, PrivacyRequest, PrivacySetting, PrivacyState, PrivacyStore, PrivacyStoreOptions } from './types'

/** A request waiting for the user: an intercepted call (`resolve` is the platform's), or a `require()` of the store's own (`owner`). */
interface Entry {
  request: PrivacyRequest
  resolve?: (result: PlatformResolution) => void
  owner?: Waiter
  exposed: boolean
}

interface Waiter {
  resolve(): void
  reject(error: PrivacyError): void
}

type Fields = { -readonly [K in Exclude<keyof PrivacyState, 'pending'>]: PrivacyState[K] }

let lastRequestId = 0

function attempt<T>(call: () => T | Promise<T>): Promise<T> {
  return new Promise<T>((resolve) => resolve(call()))
}

export function createPrivacyStore(options: PrivacyStoreOptions): PrivacyStore {
  const adapter = options.adapter
  if (process.env.NODE_ENV !== 'production') {
    ;(['onRequest', 'onDecision', 'openContract'] as const).forEach((name) => {
      if (options[name] !== undefined && typeof options[name] !== 'function')
        warn(`createPrivacyStore: ${name} must be a function; got ${typeof options[name]}. It will not be called.`)
    })
  }
  // Options are read where they are used, so a caller that updates the object (the provider) keeps them live.
  function tell<K extends 'onRequest' | 'onDecision'>(name: K, arg: Parameters<NonNullable<PrivacyStoreOptions[K]>>[0]): void {
    const callback = options[name]
    if (typeof callback === 'function') report(callback as (value: typeof arg) => void, arg)
  }
  // In official-popup mode no listener is registered, so the platform answers interceptions itself.
  const official = !!options.officialPopup
  if (!official) listenThrough(adapter)
  const listeners = new Set<() => void>()
  const waiters = new Set<Waiter>()
  // The queue grows in place and the snapshot's `pending` is copied from it only when read,
  // so a burst of interceptions costs linear time.
  const queue: Entry[] = []
  let pending: readonly PrivacyRequest[] = []
  let queueChanged = false
  let fields: Fields = { platform: adapter.platform, status: 'checking', needAuthorization: false, contractName: '', visible: false, lastDecision: null, error: null }
  let snapshot: PrivacyState | undefined
  let check: Promise<void> | undefined
  // Bumped by every check and every agree tap: a check answer is current only if nothing came after it.
  let epoch = 0
  let mounts = 0
  // The router's order of this store's latest mount: on release, its calls go to the store mounted before it.
  let mountOrder = 0
  let uis = 0
  let destroyed = false
  let openedOnce = false

  function getState(): PrivacyState {
    if (queueChanged) pending = queue.map((entry) => entry.request)
    queueChanged = false
    return snapshot || (snapshot = Object.assign({ pending }, fields))
  }

  /** The one writer of state. */
  function update(patch: Partial<Fields>, queueGrewOrShrank?: boolean): void {
    if (!queueGrewOrShrank && (Object.keys(patch) as (keyof Fields)[]).every((key) => Object.is(fields[key], patch[key]))) return
    const showing = !fields.visible && patch.visible
    fields = Object.assign({}, fields, patch)
    queueChanged = queueChanged || !!queueGrewOrShrank
    snapshot = undefined
    if (showing) expose(queue)
    listeners.forEach((listener) => report(listener))
  }

  function expose(entries: readonly Entry[]): void {
    if (!fields.visible || !uis || !adapter.reportsExposure) return
    // forEach, not for…of: Taro's babel turns for…of into an iterator helper.
    entries.forEach((entry) => {
      if (entry.exposed) return
      entry.exposed = true
      report(entry.resolve, { event: 'exposureAuthorization' })
    })
  }

  function inCooldown(): boolean {
    const last = fields.lastDecision
    return !!options.cooldownMs && !!last && last.event === 'disagree' && Date.now() - last.at < options.cooldownMs
  }

  function enqueue(entry: Entry): void {
    const wasVisible = fields.visible
    queue.push(entry)
    update({ visible: true, status: 'required', needAuthorization: true }, true)
    if (wasVisible) expose([entry])
    tell('onRequest', entry.request)
    if (process.env.NODE_ENV !== 'production' && !uis) {
      setTimeout(() => {
        if (!uis && mounts && queue.indexOf(entry) >= 0)
          warn(`"${entry.request.referrer}" is waiting for consent but no consent UI is mounted: render <PrivacyModal /> in the page, or the portal (React: <PrivacyModalPortal /> in the provider; Vue: app.use(createPrivacyPortal())).`)
      }, 0)
    }
  }

  const intercept: InterceptionHandler = (resolve, referrer) => {
    if (inCooldown()) return report(resolve, { event: 'disagree' })
    enqueue({ request: { id: ++lastRequestId, referrer, since: Date.now() }, resolve, exposed: false })
  }

  function finish(waiter: Waiter, error?: PrivacyError): void {
    if (!waiters.delete(waiter)) return
    if (error) waiter.reject(error)
    else waiter.resolve()
  }

  /** Answers every waiting request. Only the user's decision becomes `lastDecision` and starts the cooldown. */
  function decide(event: 'agree' | 'disagree', reason: DecisionReason, buttonId?: string, keepOpen?: boolean): void {
    const entries = queue.splice(0)
    const decision: PrivacyDecision = { event, reason, buttonId, requests: entries.map((entry) => entry.request), at: Date.now() }
    const patch: Partial<Fields> = { visible: !!keepOpen }
    if (reason === 'user') patch.lastDecision = decision
    if (reason === 'user' && event === 'disagree') openedOnce = true
    // An agree tap where the platform has no privacy API records nothing there: the status stays.
    if (event === 'agree' && fields.status !== 'unsupported') Object.assign(patch, { status: 'agreed', needAuthorization: false })
    update(patch, entries.length > 0)
    entries.forEach((entry) => {
      if (!entry.owner) return report(entry.resolve, event === 'agree' ? { event, buttonId: buttonId as string } : { event })
      finish(entry.owner, event === 'agree' ? undefined : new PrivacyError('DENIED', 'require:fail privacy permission is not authorized'))
    })
    tell('onDecision', decision)
  }

  /**
   * The store's last mount ended (or it was destroyed): it cancels its waiting `require()`s,
   * and hands its intercepted calls to the store mounted before it, or refuses them.
   */
  function release(reason: 'unmount' | 'destroy'): void {
    waiters.forEach((waiter) => finish(waiter, new PrivacyError('DESTROYED', 'require:fail ' + reason)))
    if (!queue.length) return
    const heir = mountedBefore(mountOrder)
    if (!heir) return decide('disagree', reason)
    const moved = queue.splice(0).filter((entry) => entry.resolve)
    update({ visible: false }, true)
    moved.forEach((entry) => {
      const resolve = entry.resolve as (result: PlatformResolution) => void
      heir((result) => (result.event === 'exposureAuthorization' && entry.exposed ? undefined : resolve(result)), entry.request.referrer)
    })
  }

  /** Unless the store is mounted again by the end of the task (StrictMode remounts at once), nobody can answer it. */
  function releaseIfUnmounted(): void {
    setTimeout(() => {
      if (!mounts && !destroyed) release('unmount')
    }, 0)
  }

  function mayOpen(): boolean {
    if (!options.openOnRequired || inCooldown() || (options.openOnRequired !== 'always' && openedOnce)) return false
    openedOnce = true
    return true
  }

  function runCheck(): Promise<void> {
    const id = ++epoch
    const timeout = options.checkTimeoutMs === undefined ? 5000 : options.checkTimeoutMs
    check = new Promise<PrivacySetting>((resolve, reject) => {
      const timer = setTimeout(() => reject(new PrivacyError('TIMEOUT', 'no answer after ' + timeout + ' ms')), timeout)
      attempt(() => adapter.getSetting())
        .then(resolve, reject)
        .finally(() => clearTimeout(timer))
    }).then(
      (setting) => {
        if (destroyed) return
        if (id !== epoch) return void (setting.contractName && update({ contractName: setting.contractName }))
        const needed = setting.needAuthorization || queue.length > 0
        update({
          status: needed ? 'required' : 'agreed',
          needAuthorization: needed,
          contractName: setting.contractName || fields.contractName,
          error: null,
          visible: fields.visible || (setting.needAuthorization && mayOpen()),
        })
      },
      (failure) => {
        if (destroyed || id !== epoch) return
        const error = toPrivacyError(failure)
        const unsupported = error.code === 'UNSUPPORTED'
        update({ status: queue.length ? 'required' : unsupported ? 'unsupported' : 'error', error: unsupported ? null : error })
      },
    )
    return check
  }

  /** Asks the platform (`requirePrivacyAuthorize`) and settles `waiter` with its answer, unless the store cancelled it first. */
  function askPlatform(waiter: Waiter): void {
    attempt(() => adapter.requireAuthorize!()).then(
      () => {
        if (!waiters.has(waiter)) return
        if (official) decide('agree', 'user')
        else if (!queue.length) update({ status: 'agreed', needAuthorization: false })
        finish(waiter)
      },
      (failure) => {
        const error = toPrivacyError(failure)
        const refused = error.code === 'USER_REJECTED' || error.code === 'PRIVACY_NOT_AGREED'
        if (official && refused && waiters.has(waiter)) decide('disagree', 'user')
        // With the store's listener registered, only the package's own UI can refuse: the
        // user's refusal there is DENIED whatever errno the platform adds.
        finish(waiter, !official && error.code === 'PRIVACY_NOT_AGREED' ? new PrivacyError('DENIED', error.errMsg, error.errno) : error)
      },
    )
  }

  function requireConsent(): Promise<void> {
    if (destroyed) return Promise.reject(new PrivacyError('DESTROYED', 'require:fail destroy'))
    if (!check) runCheck()
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject }
      waiters.add(waiter)
      if (!mounts && !official) releaseIfUnmounted()
      ;(fields.status === 'checking' ? (check as Promise<void>) : Promise.resolve()).then(() => {
        if (!waiters.has(waiter)) return
        if (fields.status === 'agreed' || fields.status === 'unsupported') return finish(waiter)
        if (inCooldown()) return finish(waiter, new PrivacyError('DENIED', 'refused inside the cooldown after a disagree'))
        // Where the platform has no requirePrivacyAuthorize (h5), require() is a request of the store's own.
        if (adapter.requireAuthorize) askPlatform(waiter)
        else enqueue({ request: { id: ++lastRequestId, referrer: 'require', since: Date.now() }, owner: waiter, exposed: true })
      })
    })
  }

  return {
    adapter,
    getState,
    subscribe(listener) {
      if (process.env.NODE_ENV !== 'production' && typeof listener !== 'function')
        throw new TypeError(`[taro-privacy] subscribe(listener): listener must be a function; got ${typeof listener}.`)
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    mount() {
      if (destroyed) throw new PrivacyError('DESTROYED', 'mount() after destroy()')
      mounts++
      const order = (mountOrder = official ? 0 : mountRoute(intercept))
      if (!check) runCheck()
      let mounted = true
      return () => {
        if (!mounted) return
        mounted = false
        mounts--
        unmountRoute(order)
        releaseIfUnmounted()
      }
    },
    attachUI() {
      uis++
      expose(queue)
      let attached = true
      return () => {
        if (attached) uis--
        attached = false
      }
    },
    handleAgreeEvent(buttonId) {
      if (destroyed) return
      // The platform recorded consent with the tap, whatever is pending: older checks are stale.
      epoch++
      report(adapter.recordAgree)
      if (fields.status === 'agreed' && !fields.visible && !queue.length) return
      decide('agree', 'user', buttonId)
    },
    open() {
      if (!destroyed) update({ visible: true })
    },
    disagree(disagreeOptions) {
      if (!destroyed && (fields.visible || queue.length)) decide('disagree', 'user', undefined, disagreeOptions && disagreeOptions.keepOpen)
    },
    openContract: () =>
      destroyed
        ? Promise.resolve()
        : attempt(() => (typeof options.openContract === 'function' ? options.openContract() : adapter.openContract())).then(
            () => undefined,
            (failure) => {
              throw toPrivacyError(failure)
            },
          ),
    refresh: () => (destroyed ? Promise.resolve() : runCheck()),
    require: requireConsent,
    destroy() {
      if (destroyed) return
      destroyed = true
      dropRoutes(intercept)
      release('destroy')
      listeners.clear()
    },
  }
}
