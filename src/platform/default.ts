import type { PrivacyAdapter } from '../core/types'
import { createH5Adapter, type PrivacyContract } from './h5'
import { createMiniProgramAdapter, type MiniProgramPrivacyApi } from './mini-program'
import { createUnsupportedAdapter } from './unsupported'

/** Picks the adapter for the platform this build targets, from `@tarojs/taro`'s default export. */
export function createDefaultAdapter(
  taro: MiniProgramPrivacyApi,
  options: { contract?: PrivacyContract } = {},
): PrivacyAdapter {
  // Each test is written out so the app's bundler folds it (Taro's mini-program terser
  // does not fold a shared constant): the other platforms' adapters are dropped.
  if (process.env.TARO_ENV === 'h5') return createH5Adapter({ contract: options.contract })
  if (
    process.env.TARO_ENV === 'weapp' ||
    process.env.TARO_ENV === 'qq' ||
    process.env.TARO_ENV === 'tt' ||
    process.env.TARO_ENV === 'alipay'
  )
    return createMiniProgramAdapter(taro, process.env.TARO_ENV)
  return createUnsupportedAdapter()
}
