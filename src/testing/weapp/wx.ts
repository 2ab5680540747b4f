// The `wx` of the running app besides privacy and routing: harmless defaults for the
// everyday APIs, and the record of every call.
import { SIMULATED_PRIVACY_APIS } from '../simulator'

/** A function of `wx`, as the app calls it. */
export type WxFunction = (...args: any[]) => unknown

type Result = { errMsg: string; [key: string]: unknown }
type Callbacks = { success?: (result: Result) => void; fail?: (result: Result) => void; complete?: (result: Result) => void }

/** One call the app made to `wx`, with the callbacks it received. Privacy calls have the shape of `sim.calls`, plus `args`. */
export interface WeappCall {
  /** The function's name, e.g. `'showToast'`, `'getLocation'`, `'getStorageSync'`. */
  readonly api: string
  /** The arguments, as the app passed them (for a Taro API, the options object Taro built). */
  readonly args: readonly unknown[]
  /**
   * `"success"` or `"fail"` per callback delivered, in order: `[]` while the call waits.
   * A synchronous function (`…Sync`, `get…Info`, `on…`, `create…`) gets `["success"]` when it
   * returns and `["fail"]` when it throws.
   */
  readonly results: readonly ('success' | 'fail')[]
  /** The `errMsg` of the last callback (or the message a synchronous function threw). */
  readonly errMsg?: string
}

/** The simulator's privacy APIs: called without callbacks, they return a promise (as the base library does). */
const PROMISED: ReadonlySet<string> = new Set(SIMULATED_PRIVACY_APIS)
/** Functions that answer by returning, not through callbacks. */
const SYNC = /(Sync$|^on[A-Z]|^off[A-Z]|^create[A-Z]|^get\w*Manager$|^getMenuButtonBoundingClientRect$|^get(Window|AppBase|Device|SystemSetting|AppAuthorizeSetting)Info$|^canIUse$|^nextTick$)/

interface MutableCall {
  api: string
  args: unknown[]
  results: ('success' | 'fail')[]
  errMsg?: string
}

/**
 * Wraps each function so that every call lands in `calls`, with the callbacks it receives.
 * The options object is copied with wrapped `success` / `fail` (none given: an object with
 * just those is passed), the way Taro's promisified APIs build theirs; a privacy API called
 * without callbacks returns its promise instead, recorded when it settles.
 */
export function recordCalls(functions: Record<string, WxFunction>, calls: WeappCall[]): Record<string, WxFunction> {
  const recorded: Record<string, WxFunction> = {}
  for (const [api, fn] of Object.entries(functions)) {
    if (typeof fn !== 'function') {
      recorded[api] = fn
      continue
    }
    const sync = SYNC.test(api)
    recorded[api] = (...args: unknown[]) => {
      const record: MutableCall = { api, args, results: [] }
      calls.push(record)
      const answered = (outcome: 'success' | 'fail', result: Result | undefined) => {
        record.results.push(outcome)
        if (result && typeof result.errMsg === 'string') record.errMsg = result.errMsg
      }
      let passed = args
      const [first] = args
      const options = first as Callbacks | undefined
      // Called without callbacks, a privacy API returns the simulator's promise (the base library's); its outcome is recorded from it.
      if (PROMISED.has(api) && !(options && (options.success || options.fail || options.complete))) {
        const value = fn(...args) as Promise<Result> | undefined
        if (value && typeof value.then === 'function') value.then((result) => answered('success', result), (failure: Result) => answered('fail', failure))
        return value
      }
      if (!sync && (first === undefined || (typeof first === 'object' && first !== null && !Array.isArray(first)))) {
        const options = (first ?? {}) as Callbacks
        passed = [
          {
            ...options,
            success: (result: Result) => {
              answered('success', result)
              options.success?.(result)
            },
            fail: (result: Result) => {
              answered('fail', result)
              options.fail?.(result)
            },
          },
          ...args.slice(1),
        ]
      }
      let value: unknown
      try {
        value = fn(...passed)
      } catch (error) {
        if (sync) answered('fail', { errMsg: String((error as Error)?.message ?? error) })
        throw error
      }
      if (sync) record.results.push('success')
      return value
    }
  }
  return recorded
}

/** What the defaults know of the app: its app.json, the first page and the storage it starts with. */
export interface WxDefaultsContext {
  appJson: { window?: Record<string, unknown> }
  entry: { path: string; query: Record<string, string> }
  appId: string
  baseLibrary: string
  storage: Map<string, unknown>
}

const WINDOW = { pixelRatio: 2, screenWidth: 375, screenHeight: 667, windowWidth: 375, windowHeight: 603, statusBarHeight: 20 }
const SAFE_AREA = { top: 20, left: 0, right: 375, bottom: 667, width: 375, height: 647 }
const DEVICE = { brand: 'devtools', model: 'iPhone 6/7/8', system: 'iOS 16.0', platform: 'devtools', benchmarkLevel: 1 }
const MENU_BUTTON = { width: 87, height: 32, top: 26, right: 368, bottom: 58, left: 281 }

/** The base library's answer, on a later task as in WeChat. */
function answer(name: string, options: Callbacks | undefined, data: Record<string, unknown> = {}): void {
  setTimeout(() => {
    const result = { errMsg: `${name}:ok`, ...data }
    options?.success?.(result)
    options?.complete?.(result)
  }, 0)
}

function failure(name: string, options: Callbacks | undefined, reason: string): void {
  setTimeout(() => {
    const result = { errMsg: `${name}:fail ${reason}` }
    options?.fail?.(result)
    options?.complete?.(result)
  }, 0)
}

/** Async functions that succeed with nothing more than `errMsg`. */
const SUCCEED = [
  'showToast', 'hideToast', 'showLoading', 'hideLoading',
  'setNavigationBarTitle', 'setNavigationBarColor', 'showNavigationBarLoading', 'hideNavigationBarLoading',
  'setBackgroundColor', 'setBackgroundTextStyle', 'pageScrollTo', 'startPullDownRefresh', 'stopPullDownRefresh',
  'showTabBar', 'hideTabBar', 'setTabBarBadge', 'removeTabBarBadge', 'showTabBarRedDot', 'hideTabBarRedDot', 'setTabBarItem', 'setTabBarStyle',
  'vibrateShort', 'vibrateLong', 'setKeepScreenOn', 'previewImage', 'makePhoneCall', 'checkSession', 'reportAnalytics',
  'showShareMenu', 'hideShareMenu', 'updateShareMenu', 'hideHomeButton', 'setEnableDebug', 'loadFontFace', 'exitMiniProgram',
] as const

/** A no-op listener registration (`wx.onXxx(listener)` / `wx.offXxx(listener)`). */
const LISTENERS = [
  'onNetworkStatusChange', 'offNetworkStatusChange', 'onAppShow', 'offAppShow', 'onAppHide', 'offAppHide',
  'onError', 'offError', 'onUnhandledRejection', 'offUnhandledRejection', 'onPageNotFound', 'offPageNotFound',
  'onMemoryWarning', 'offMemoryWarning', 'onWindowResize', 'offWindowResize', 'onThemeChange', 'offThemeChange',
  'onKeyboardHeightChange', 'offKeyboardHeightChange',
] as const

/** A thing with methods that do nothing (managers, tasks, observers): each method returns the thing, so calls chain. */
function inert(methods: readonly string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  const thing: Record<string, unknown> = { ...extra }
  for (const method of methods) thing[method] = () => thing
  return thing
}

/** A selector query that finds nothing: every field asked for is `null`, as for a node not on the page. */
function selectorQuery(): Record<string, unknown> {
  const requested: ((value: unknown) => void)[] = []
  const query: Record<string, unknown> = {}
  const nodes = () => {
    const ref: Record<string, unknown> = {}
    for (const field of ['boundingClientRect', 'scrollOffset', 'fields', 'node', 'context']) {
      ref[field] = (...args: unknown[]) => {
        const callback = args.find((arg) => typeof arg === 'function') as ((value: unknown) => void) | undefined
        requested.push((value) => callback?.(value))
        return query
      }
    }
    return ref
  }
  Object.assign(query, {
    in: () => query,
    select: nodes,
    selectAll: nodes,
    selectViewport: nodes,
    exec(callback?: (results: unknown[]) => void) {
      setTimeout(() => {
        const results = requested.map(() => null)
        requested.forEach((deliver, i) => deliver(results[i]))
        callback?.(results)
      }, 0)
    },
  })
  return query
}

/**
 * Harmless answers for the `wx` APIs most pages call besides privacy: system and app info,
 * toast / modal / loading, storage (in memory, per launch), the navigation and tab bars,
 * the network type, login, requests (failed: a test has no network), managers and
 * observers that do nothing. The privacy APIs come from the simulator; routing from the harness.
 */
export function wxDefaults(context: WxDefaultsContext): Record<string, WxFunction> {
  const { storage, entry } = context
  const systemInfo = () => ({
    ...DEVICE,
    ...WINDOW,
    safeArea: { ...SAFE_AREA },
    language: 'zh_CN',
    version: '8.0.50',
    SDKVersion: context.baseLibrary,
    fontSizeSetting: 16,
    theme: 'light',
    enableDebug: false,
    host: { env: 'WeChat' },
    locationEnabled: true,
    wifiEnabled: true,
    bluetoothEnabled: false,
    locationAuthorized: true,
    cameraAuthorized: true,
    microphoneAuthorized: true,
    notificationAuthorized: true,
  })
  const launchOptions = () => ({ path: entry.path, query: { ...entry.query }, scene: 1001, referrerInfo: {}, apiCategory: 'default' })
  const storageInfo = () => ({ keys: [...storage.keys()], currentSize: storage.size, limitSize: 10240 })
  const copy = (value: unknown) => (value === undefined ? value : JSON.parse(JSON.stringify(value)))

  const defaults: Record<string, WxFunction> = {
    getSystemInfoSync: systemInfo,
    getSystemInfo: (options?: Callbacks) => answer('getSystemInfo', options, systemInfo()),
    getSystemInfoAsync: (options?: Callbacks) => answer('getSystemInfoAsync', options, systemInfo()),
    getWindowInfo: () => ({ ...WINDOW, safeArea: { ...SAFE_AREA }, screenTop: 0 }),
    getDeviceInfo: () => ({ ...DEVICE, abi: 'arm64', deviceAbi: 'arm64', cpuType: 'unknown', memorySize: 4096 }),
    getAppBaseInfo: () => ({ SDKVersion: context.baseLibrary, enableDebug: false, host: { env: 'WeChat' }, language: 'zh_CN', version: '8.0.50', theme: 'light', fontSizeSetting: 16 }),
    getSystemSetting: () => ({ bluetoothEnabled: false, locationEnabled: true, wifiEnabled: true, deviceOrientation: 'portrait' }),
    getAppAuthorizeSetting: () => ({ albumAuthorized: 'authorized', cameraAuthorized: 'authorized', locationAuthorized: 'authorized', microphoneAuthorized: 'authorized', notificationAuthorized: 'authorized' }),
    getAccountInfoSync: () => ({ miniProgram: { appId: context.appId, envVersion: 'develop', version: '' } }),
    getLaunchOptionsSync: launchOptions,
    getEnterOptionsSync: launchOptions,
    getMenuButtonBoundingClientRect: () => ({ ...MENU_BUTTON }),
    canIUse: (schema: string) => typeof (globalThis as { wx?: Record<string, unknown> }).wx?.[String(schema).split('.')[0]] === 'function',

    showModal: (options?: Callbacks) => answer('showModal', options, { confirm: true, cancel: false, content: null }),
    showActionSheet: (options?: Callbacks) => answer('showActionSheet', options, { tapIndex: 0 }),

    setStorageSync: (key: string, data: unknown) => void storage.set(key, copy(data)),
    getStorageSync: (key: string) => (storage.has(key) ? copy(storage.get(key)) : ''),
    removeStorageSync: (key: string) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    getStorageInfoSync: storageInfo,
    setStorage: (options: Callbacks & { key: string; data: unknown }) => {
      storage.set(options.key, copy(options.data))
      answer('setStorage', options)
    },
    getStorage: (options: Callbacks & { key: string }) =>
      storage.has(options.key) ? answer('getStorage', options, { data: copy(storage.get(options.key)) }) : failure('getStorage', options, 'data not found'),
    removeStorage: (options: Callbacks & { key: string }) => {
      storage.delete(options.key)
      answer('removeStorage', options)
    },
    clearStorage: (options?: Callbacks) => {
      storage.clear()
      answer('clearStorage', options)
    },
    getStorageInfo: (options?: Callbacks) => answer('getStorageInfo', options, storageInfo()),

    getNetworkType: (options?: Callbacks) => answer('getNetworkType', options, { networkType: 'wifi', signalStrength: 4, hasSystemProxy: false }),
    login: (options?: Callbacks) => answer('login', options, { code: 'simulated-login-code' }),
    getSetting: (options?: Callbacks) => answer('getSetting', options, { authSetting: {} }),
    request: (options?: Callbacks) => {
      failure('request', options, 'no network in launchWeapp (answer requests through its `wx` option)')
      return inert(['abort', 'onHeadersReceived', 'offHeadersReceived', 'onChunkReceived', 'offChunkReceived'])
    },

    getUpdateManager: () => inert(['onCheckForUpdate', 'onUpdateReady', 'onUpdateFailed', 'applyUpdate']),
    getRealtimeLogManager: () => inert(['info', 'warn', 'error', 'setFilterMsg', 'addFilterMsg', 'in']),
    getLogManager: () => inert(['log', 'info', 'warn', 'debug']),
    createSelectorQuery: selectorQuery,
    createIntersectionObserver: () => inert(['relativeTo', 'relativeToViewport', 'observe', 'disconnect']),
    createAnimation: () => inert(['opacity', 'translate', 'translateX', 'translateY', 'scale', 'rotate', 'width', 'height', 'backgroundColor', 'step'], { export: () => ({ actions: [] }) }),
  }
  for (const name of SUCCEED) defaults[name] = (options?: Callbacks) => answer(name, options)
  for (const name of LISTENERS) defaults[name] = () => undefined
  return defaults
}
