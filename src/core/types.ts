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
