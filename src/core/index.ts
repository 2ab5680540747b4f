export { createPrivacyStore } from './store'
export type { DisagreeOptions, PrivacyActions, PrivacyStore, PrivacyStoreOptions } from './store'
export { PrivacyError, toPrivacyError } from './errors'
export type { PrivacyErrorCode } from './errors'
export type {
  DecisionReason,
  InterceptionHandler,
  PlatformResolution,
  PrivacyAdapter,
  PrivacyDecision,
  PrivacyPlatform,
  PrivacyRequest,
  PrivacySetting,
  PrivacyState,
  PrivacyStatus,
} from './types'
export { createMiniProgramAdapter } from '../platform/mini-program'
export type { MiniProgramPlatform, MiniProgramPrivacyApi } from '../platform/mini-program'
export { createH5Adapter } from '../platform/h5'
export type { ConsentStorage, H5AdapterOptions, PrivacyContract } from '../platform/h5'
export { createUnsupportedAdapter } from '../platform/unsupported'
export { createDefaultAdapter } from '../platform/default'
