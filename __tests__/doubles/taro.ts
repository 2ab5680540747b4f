// Stands in for @tarojs/taro's default export: the privacy functions forward to the
// platform object a test installs (normally a simulator's `api`), storage is in memory.
type Fn = (...args: unknown[]) => unknown

let platform: Record<string, unknown> = {}
const storage = new Map<string, unknown>()

export function installPlatform(api: object): void {
  platform = api as Record<string, unknown>
}

export function clearStorage(): void {
  storage.clear()
}

const forward = (name: string) => (...args: unknown[]) => (platform[name] as Fn)(...args)

const Taro = {
  getPrivacySetting: forward('getPrivacySetting'),
  onNeedPrivacyAuthorization: forward('onNeedPrivacyAuthorization'),
  requirePrivacyAuthorize: forward('requirePrivacyAuthorize'),
  openPrivacyContract: forward('openPrivacyContract'),
  getStorageSync: (key: string) => storage.get(key) ?? '',
  setStorageSync: (key: string, data: unknown) => void storage.set(key, data),
  getCurrentPages: () => [],
  getCurrentInstance: () => ({ router: null, page: null }),
}

export default Taro
