export { createPrivacyStore } from './store'
export { PrivacyError, toPrivacyError } from './errors'
export type { PrivacyErrorCode, PrivacyErrorConstructor } from './errors'
export type {
  DecisionReason,
  DisagreeOptions,
  InterceptionHandler,
  PlatformResolution,
  PrivacyActions,
  PrivacyAdapter,
  PrivacyDecision,
  PrivacyPlatform,
  PrivacyRequest,
  PrivacySetting,
  PrivacyState,
  PrivacyStatus,
  PrivacyStore,
  PrivacyStoreOptions,
} from './types'
