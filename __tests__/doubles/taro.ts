// Stands in for @tarojs/taro's default export: the privacy functions forward to the
// platform object a test installs (normally a simulator's `api`).
type Fn = (...args: unknown[]) => unknown

let platform: Record<string, unknown> = {}

export function installPlatform(api: object): void {
  platform = api as Record<string, unknown>
}

const forward = (name: string) => (...args: unknown[]) => (platform[name] as Fn)(...args)

const Taro = {
  getPrivacySetting: forward('getPrivacySetting'),
  onNeedPrivacyAuthorization: forward('onNeedPrivacyAuthorization'),
  requirePrivacyAuthorize: forward('requirePrivacyAuthorize'),
  openPrivacyContract: forward('openPrivacyContract'),
  getCurrentPages: () => [],
  getCurrentInstance: () => ({ router: null, page: null }),
}

export default Taro
