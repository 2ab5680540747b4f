import type { PrivacyError } from './errors'

export type PrivacyPlatform = 'weapp' | 'qq' | 'tt' | 'alipay' | 'h5' | 'none'

export type PrivacyStatus = 'checking' | 'required' | 'agreed' | 'unsupported' | 'error'

/** One intercepted call of a privacy API, waiting for the user's decision. */
export interface PrivacyRequest {
  readonly id: number
  /** The API or component that triggered it, e.g. `"getLocation"`, `"button.getPhoneNumber"`. */
  readonly referrer: string
  /** `Date.now()` when it arrived. */
  readonly since: number
}

/** Who decided: the user, or the app unmounting its provider / destroying its store (which refuses what is waiting). */
export type DecisionReason = 'user' | 'unmount' | 'destroy'

export interface PrivacyDecision {
  readonly event: 'agree' | 'disagree'
  /** Only the user's decisions become `lastDecision` and start the cooldown. */
  readonly reason: DecisionReason
  /** The id of the agree button the user tapped (agree only). */
  readonly buttonId?: string
  /** The requests this decision settled, in arrival order. */
  readonly requests: readonly PrivacyRequest[]
  readonly at: number
}

export interface PrivacyState {
  readonly platform: PrivacyPlatform
  readonly status: PrivacyStatus
  readonly needAuthorization: boolean
  readonly contractName: string
  /** Intercepted calls waiting for a decision, oldest first. */
  readonly pending: readonly PrivacyRequest[]
  /** The consent UI should be on screen. */
  readonly visible: boolean
  /** The user's last decision (an unmount's or destroy's refusal is not one). */
  readonly lastDecision: PrivacyDecision | null
  readonly error: PrivacyError | null
}

/** What the platform's `resolve` accepts. */
export type PlatformResolution =
  | { event: 'exposureAuthorization' }
  | { event: 'agree'; buttonId: string }
  | { event: 'disagree' }

export interface PrivacySetting {
  needAuthorization: boolean
  contractName: string
}

/** Receives each intercepted call: `respond` forwards to the platform's `resolve`. */
export type InterceptionHandler = (respond: (result: PlatformResolution) => void, referrer: string) => void

/**
 * What the core needs from a platform. Built-in adapters take the platform object
 * (`wx`, `tt`, `my` or Taro's default export) as a parameter; create one adapter per
 * platform object and reuse it, because the platform keeps only one listener.
 */
export interface PrivacyAdapter {
  readonly platform: PrivacyPlatform
  /** Whether `resolve` accepts `{event:'exposureAuthorization'}`. */
  readonly reportsExposure: boolean
  /** Rejects with a `PrivacyError`; code `UNSUPPORTED` when the platform has no privacy API. */
  getSetting(): Promise<PrivacySetting>
  /** Registers the platform listener. Called at most once per adapter. Absent: nothing is intercepted. */
  listen?(handler: InterceptionHandler): void
  /** Asks the platform to check consent (it intercepts if consent is missing). */
  requireAuthorize?(): Promise<void>
  openContract(): Promise<void>
  /** For platforms where the package itself keeps consent (h5). */
  recordAgree?(): void
  /** How the agree button reports a tap: the platform's agree event, or a plain click (h5). */
  readonly agreeEvent: 'agreePrivacyAuthorization' | 'click'
  /** Whether open-types like `getPhoneNumber|agreePrivacyAuthorization` work (WeChat, QQ). */
  readonly combinedOpenTypes?: boolean
}

export interface PrivacyStoreOptions {
  /** Read once, when the store is created. */
  adapter: PrivacyAdapter
  /** After the user's disagree, refuse new requests at once for this long (ms). Default 0. */
  cooldownMs?: number
  /** How long `getPrivacySetting` may take before status becomes `error` (ms). Default 5000. */
  checkTimeoutMs?: number
  /**
   * Show the consent UI when a check says consent is needed. `true`: at most once per store
   * (one launch), never after the user refused in it. `'always'`: on every such check, except
   * within `cooldownMs` of the user's refusal. Default false.
   */
  openOnRequired?: boolean | 'always'
  /**
   * Register no platform listener: the platform shows its official popup for intercepted
   * calls (WeChat since 2023-10-17) and `require()` goes through `requirePrivacyAuthorize`.
   * Read once, when the store is created. Default false.
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
   * Makes this store the one that receives interceptions. Returns the unmount function. When
   * the last mount has ended and the store is not mounted again in the same task, its waiting
   * `require()`s reject `DESTROYED` and its pending requests go to the store mounted before
   * it, or are refused when there is none.
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

/** State and actions of the privacy flow. There is deliberately no `agree()`: only a tap on `PrivacyAgreeButton` agrees. */
export type PrivacyGate = PrivacyState & PrivacyActions

/** What components get of the app's store: everything but `mount` and `destroy`, which belong to its owner. */
export type PrivacyStoreHandle = Omit<PrivacyStore, 'mount' | 'destroy'>
