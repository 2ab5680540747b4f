import { PrivacyError, toPrivacyError } from '../core/errors'
import type { PlatformResolution, PrivacyAdapter, PrivacyPlatform } from '../core/types'

/** The callbacks of a platform call (`success`, `fail`), as `wx` takes them. */
export interface MiniProgramCallbacks<T> {
  success?: (result: T) => void
  fail?: (failure: unknown) => void
}

/** The part of `wx` / `qq` / `tt` / `my` (or Taro's default export) the adapter uses. */
export interface MiniProgramPrivacyApi {
  getPrivacySetting?(options: MiniProgramCallbacks<{ needAuthorization: boolean; privacyContractName?: string }>): void
  onNeedPrivacyAuthorization?(
    listener: (resolve: (result: PlatformResolution) => void, eventInfo?: { referrer?: string }) => void,
  ): void
  requirePrivacyAuthorize?(options: MiniProgramCallbacks<unknown>): void
  openPrivacyContract?(options: MiniProgramCallbacks<unknown>): void
}

export type MiniProgramPlatform = Exclude<PrivacyPlatform, 'h5' | 'none'>

type CallbackApi = 'getPrivacySetting' | 'requirePrivacyAuthorize' | 'openPrivacyContract'

function call<T>(api: MiniProgramPrivacyApi, name: CallbackApi): Promise<T> {
  const fn = api[name] as ((options: MiniProgramCallbacks<T>) => void) | undefined
  if (typeof fn !== 'function') return Promise.reject(new PrivacyError('UNSUPPORTED', name + ' is not available'))
  return new Promise<T>((resolve, reject) =>
    fn.call(api, { success: resolve, fail: (failure) => reject(toPrivacyError(failure)) }),
  )
}

const adapters = new WeakMap<object, Partial<Record<MiniProgramPlatform, PrivacyAdapter>>>()

/**
 * The adapter for the mini-program platforms whose privacy API follows WeChat's (weapp,
 * qq, tt from base library 3.19.0, alipay from 2.9.7):
 * `getPrivacySetting`, `onNeedPrivacyAuthorization`, `requirePrivacyAuthorize`,
 * `openPrivacyContract`, each feature-detected (absent below WeChat base library 2.32.3).
 * Returns the same adapter for the same `api` object, so the platform listener is
 * registered once however often it is called.
 */
export function createMiniProgramAdapter(
  api: MiniProgramPrivacyApi,
  platform: MiniProgramPlatform = 'weapp',
): PrivacyAdapter {
  if (!api || (typeof api !== 'object' && typeof api !== 'function'))
    throw new TypeError(
      process.env.NODE_ENV !== 'production'
        ? "[taro-privacy] createMiniProgramAdapter(api): api must be the platform object (wx, qq, tt, my or Taro's default export); got " + api + '.'
        : '[taro-privacy] createMiniProgramAdapter: bad api',
    )
  const byPlatform = adapters.get(api) || {}
  adapters.set(api, byPlatform)
  const wechatLike = platform === 'weapp' || platform === 'qq'
  return (
    byPlatform[platform] ||
    (byPlatform[platform] = {
      platform,
      reportsExposure: wechatLike,
      combinedOpenTypes: wechatLike,
      agreeEvent: 'agreePrivacyAuthorization',
      getSetting: () =>
        call<{ needAuthorization: boolean; privacyContractName?: string }>(api, 'getPrivacySetting').then((result) => ({
          needAuthorization: !!result.needAuthorization,
          contractName: result.privacyContractName || '',
        })),
      listen(handler) {
        if (typeof api.onNeedPrivacyAuthorization !== 'function') return
        api.onNeedPrivacyAuthorization((resolve, eventInfo) =>
          handler((result) => resolve(result), (eventInfo && eventInfo.referrer) || 'unknown'),
        )
      },
      requireAuthorize:
        typeof api.requirePrivacyAuthorize === 'function' ? () => call<void>(api, 'requirePrivacyAuthorize') : undefined,
      openContract: () => call<void>(api, 'openPrivacyContract'),
    })
  )
}
