import type { PrivacyAdapter } from '../core/types'
import { createH5Adapter, type ConsentStorage, type PrivacyContract } from './h5'
import { createMiniProgramAdapter, type MiniProgramPrivacyApi } from './mini-program'
import { createUnsupportedAdapter } from './unsupported'

// The literal `process.env.TARO_ENV` is replaced by Taro's bundler, so the branches of
// other platforms are dropped from the build; `process` itself may not exist at run time.
function taroEnv(): string | undefined {
  try {
    return process.env.TARO_ENV
  } catch {
    return undefined
  }
}

/** Picks the adapter for the platform this build targets, from `@tarojs/taro`'s default export. */
export function createDefaultAdapter(
  taro: MiniProgramPrivacyApi & ConsentStorage,
  options: { contract?: PrivacyContract } = {},
): PrivacyAdapter {
  const env = taroEnv()
  if (env === 'weapp' || env === 'qq' || env === 'tt' || env === 'alipay') return createMiniProgramAdapter(taro, env)
  if (env === 'h5') return createH5Adapter({ storage: taro, contract: options.contract })
  return createUnsupportedAdapter()
}
