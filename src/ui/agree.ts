import { warn } from '../core/dev'
import type { PrivacyAdapter, PrivacyStore } from '../core/types'

// Written once: Taro's terser folds no constant, so each literal would stay in the code.
export const AGREE = 'agreePrivacyAuthorization'

/** The open-types whose tap is the user's consent; the combined ones also get the phone number or user info. */
export const AGREE_OPEN_TYPES = [AGREE, 'getPhoneNumber|' + AGREE, 'getRealtimePhoneNumber|' + AGREE, 'getUserInfo|' + AGREE] as unknown as readonly [
  'agreePrivacyAuthorization',
  'getPhoneNumber|agreePrivacyAuthorization',
  'getRealtimePhoneNumber|agreePrivacyAuthorization',
  'getUserInfo|agreePrivacyAuthorization',
]

export type PrivacyAgreeOpenType = (typeof AGREE_OPEN_TYPES)[number]

const warned: string[] = []

function warnOnce(message: string): void {
  if (warned.indexOf(message) >= 0) return
  warned.push(message)
  warn(message)
}

/** The open-type an agree button gets: `openType` when this platform supports it, else `agreePrivacyAuthorization` (with a development warning). */
export function checkedOpenType(openType: string, adapter: PrivacyAdapter): PrivacyAgreeOpenType {
  if ((AGREE_OPEN_TYPES as readonly string[]).indexOf(openType) < 0) {
    if (process.env.NODE_ENV !== 'production') warnOnce(`PrivacyAgreeButton: unknown openType "${openType}"; used "agreePrivacyAuthorization". Use one of ${AGREE_OPEN_TYPES.join(', ')}.`)
    return AGREE
  }
  if (openType !== AGREE && !adapter.combinedOpenTypes) {
    if (process.env.NODE_ENV !== 'production') warnOnce(`PrivacyAgreeButton: ${adapter.platform} does not support the combined open-type "${openType}"; used "agreePrivacyAuthorization".`)
    return AGREE
  }
  return openType as PrivacyAgreeOpenType
}

/**
 * The agree tap: on mini-programs the platform's `agreeprivacyauthorization` event is the
 * consent (the platform checks the button's id), on h5 the click. Records the agree when
 * `event` is this platform's and says whether it did.
 */
export function recordAgreeTap(store: Pick<PrivacyStore, 'adapter' | 'handleAgreeEvent'>, event: 'click' | 'agree', buttonId: string): boolean {
  if ((store.adapter.agreeEvent === 'click') !== (event === 'click')) return false
  store.handleAgreeEvent(buttonId)
  return true
}
