export type PrivacyErrorCode =
  | 'SCOPE_UNDECLARED'
  | 'USER_REJECTED'
  | 'PRIVACY_NOT_AGREED'
  | 'DENIED'
  | 'UNSUPPORTED'
  | 'TIMEOUT'
  | 'DESTROYED'
  | 'PLATFORM_ERROR'

const HINTS: Record<PrivacyErrorCode, string> = {
  SCOPE_UNDECLARED:
    'the API is not declared in the privacy guide (errno 112): declare its data type in the mini-program admin console, 设置 → 服务内容声明 → 用户隐私保护指引 (takes effect in about 5 minutes)',
  USER_REJECTED: 'the user rejected the official authorization popup (errno 103)',
  PRIVACY_NOT_AGREED: 'the user did not agree to the privacy contract in the official popup (errno 104)',
  DENIED: 'the user did not agree to the privacy contract',
  UNSUPPORTED: 'this platform or base library has no privacy authorization API (WeChat needs base library ≥ 2.32.3)',
  TIMEOUT: 'the platform did not answer in time',
  DESTROYED: 'the privacy store was destroyed (or its provider unmounted) before the user decided',
  PLATFORM_ERROR: 'the platform call failed',
}

export interface PrivacyError extends Error {
  readonly code: PrivacyErrorCode
  readonly errno?: number
  readonly errMsg?: string
}

export interface PrivacyErrorConstructor {
  new (code: PrivacyErrorCode, errMsg?: string, errno?: number): PrivacyError
  readonly prototype: PrivacyError
}

type Fields = { -readonly [K in keyof PrivacyError]: PrivacyError[K] }

/**
 * An `Error` with the failure's `code`, `errno` and `errMsg`; `instanceof PrivacyError` and
 * `instanceof Error` both hold. A function constructor, not a class: Taro's babel compiles a
 * class extending `Error` into helper calls (`wrapNativeSuper`, …) in every user's build.
 */
export const PrivacyError = function (code: PrivacyErrorCode, errMsg?: string, errno?: number) {
  // The hints are development help; production messages keep the code and errMsg.
  const error = new Error('[taro-privacy] ' + code + (process.env.NODE_ENV !== 'production' ? ': ' + HINTS[code] : '') + (errMsg ? ' (' + errMsg + ')' : '')) as Fields
  Object.setPrototypeOf(error, PrivacyError.prototype)
  error.name = 'PrivacyError'
  error.code = code
  error.errno = errno
  error.errMsg = errMsg
  return error
} as unknown as PrivacyErrorConstructor
;(PrivacyError as { prototype: PrivacyError }).prototype = Object.create(Error.prototype, {
  constructor: { value: PrivacyError, writable: true, configurable: true },
})

const BY_ERRNO: Record<number, PrivacyErrorCode> = { 112: 'SCOPE_UNDECLARED', 103: 'USER_REJECTED', 104: 'PRIVACY_NOT_AGREED' }

function codeOfMessage(text: string): PrivacyErrorCode {
  if (/scope is not declared/.test(text)) return 'SCOPE_UNDECLARED'
  if (/privacy permission is not authorized/.test(text)) return 'DENIED'
  if (/not support|暂时不支持/i.test(text)) return 'UNSUPPORTED'
  return 'PLATFORM_ERROR'
}

/** Normalises a platform `fail` result (`{errMsg, errno}`), an `Error` or anything thrown into a `PrivacyError`. */
export function toPrivacyError(fail: unknown): PrivacyError {
  if (fail instanceof PrivacyError) return fail
  // WeChat, QQ and Douyin fail with {errMsg, errno}; Alipay with {error, errorMessage}.
  const result = (fail || {}) as Record<string, unknown>
  const text = [result.errMsg, result.errorMessage, result.message, fail].filter((value): value is string => typeof value === 'string')[0] || ''
  const number = [result.errno, result.errCode, result.error].filter((value): value is number => typeof value === 'number')[0]
  return new PrivacyError((number !== undefined && BY_ERRNO[number]) || codeOfMessage(text), text || undefined, number)
}
