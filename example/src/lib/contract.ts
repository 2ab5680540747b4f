import type { PrivacyContract } from 'taro-privacy'

/** The contract's version unless the H5 page URL names another one. */
const DEFAULT_VERSION = '2025-01'

/**
 * H5 demo hook: `?contractVersion=2025-02` in the page URL (before the `#`) stands for a
 * new release of the contract, so the example can show that a new version asks again
 * (e2e/h5/consent.test.js). Mini-program builds drop this branch.
 */
function versionFromUrl(): string | undefined {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return undefined
  return new URLSearchParams(window.location.search).get('contractVersion') || undefined
}

/** H5 only (mini-programs read the name from the platform): the contract consent is given to. */
export const CONTRACT: PrivacyContract = {
  name: '《示例小程序隐私保护指引》',
  version: versionFromUrl() ?? DEFAULT_VERSION,
  url: 'https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/',
}
