import type { PrivacyContract } from 'taro-privacy/vue'

/** H5 only (mini-programs read the name from the platform): the contract consent is given to. */
export const CONTRACT: PrivacyContract = {
  name: '《示例隐私保护指引》',
  version: '2025-01',
  url: 'https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/',
}
