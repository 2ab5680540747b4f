import type { PrivacyAdapter } from '../core/types'
import { createH5Adapter, type PrivacyContract } from './h5'
import { createMiniProgramAdapter, type MiniProgramPrivacyApi } from './mini-program'
import { createUnsupportedAdapter } from './unsupported'

/** Picks the adapter for the platform this build targets, from `@tarojs/taro`'s default export. */
export function createDefaultAdapter(
  taro: MiniProgramPrivacyApi,
  options: { contract?: PrivacyContract } = {},
): PrivacyAdapter {
  // The literal is replaced by Taro's bundler, so other platforms' adapters are dropped.
  const env = process.env.TARO_ENV
  if (env === 'weapp' || env === 'qq' || env === 'tt' || env === 'alipay') return createMiniProgramAdapter(taro, env)
  if (env === 'h5') return createH5Adapter({ contract: options.contract })
  return createUnsupportedAdapter()
}
