// `@tarojs/taro` under jest (the real runtime is ESM-only and needs a mini-program):
// the privacy functions and every simulated privacy API go to the simulator given to
// `installSimulator`, one page is "on top" so `PrivacyModalPortal` has a page root in the
// document, and the common routing / UI functions answer `ok`.
import { installedSimulator, onSimulatorInstalled } from '../installed'
import { SIMULATED_PRIVACY_APIS, type CallOptions } from '../simulator'
import { listenForTaps } from './dom-taps'

type Listener = Parameters<NonNullable<ReturnType<typeof platform>['onNeedPrivacyAuthorization']>>[0]

// Taro picks the platform from TARO_ENV at build time; the double is Taro on weapp unless the test chose another.
process.env.TARO_ENV = process.env.TARO_ENV || 'weapp'

function platform() {
  const sim = installedSimulator()
  if (!sim)
    throw new Error(
      '[taro-privacy] @tarojs/taro (jest double) has no platform: call installSimulator(createPrivacySimulator()) from taro-privacy/testing before rendering.',
    )
  return sim.api
}

// The platform keeps the app's one listener; a simulator installed later (the next test) gets it too.
let listener: Listener | undefined
onSimulatorInstalled((sim) => listener && sim.api.onNeedPrivacyAuthorization?.(listener))
listenForTaps()

const forward = (name: string) => (options?: CallOptions) => {
  const fn = platform()[name]
  if (typeof fn !== 'function') throw new TypeError(`Taro.${name} is not a function (not in this simulated base library)`)
  return fn(options)
}

/** Taro promisifies the platform's APIs (not the privacy functions): the promise settles with the callbacks. */
const promisified = (name: string) => (options: CallOptions = {}) =>
  new Promise((resolve, reject) =>
    forward(name)({
      ...options,
      success: (result) => {
        options.success?.(result)
        resolve(result)
      },
      fail: (failure) => {
        options.fail?.(failure)
        reject(failure)
      },
    }),
  )

/** Routing and UI functions: answer `ok` like the base library (a microtask later) and return a promise. */
const answersOk = (name: string) => (options: CallOptions = {}) =>
  Promise.resolve().then(() => {
    const result = { errMsg: `${name}:ok` }
    options.success?.(result)
    options.complete?.(result)
    return result
  })

const PAGE_ID = 'taro-privacy-test-page'
const page = { route: 'pages/index/index', $taroPath: PAGE_ID, options: {} as Record<string, string> }

/** The page's root element, as Taro has one per page: the portal renders the consent UI into it. */
function pageRoot(): void {
  if (typeof document === 'undefined' || document.getElementById(PAGE_ID)) return
  const root = document.createElement('div')
  root.id = PAGE_ID
  root.className = 'taro_page'
  document.body.appendChild(root)
}

export function getCurrentPages() {
  pageRoot()
  return [page]
}

export function getCurrentInstance() {
  pageRoot()
  return { page, router: { path: `/${page.route}`, params: page.options, onShow: `${page.route}.onShow` }, app: null }
}

type Handler = (...args: unknown[]) => void
const handlers = new Map<string, Set<Handler>>()

export const eventCenter = {
  on(key: string, handler: Handler) {
    handlers.set(key, (handlers.get(key) ?? new Set()).add(handler))
    return eventCenter
  },
  off(key: string, handler: Handler) {
    handlers.get(key)?.delete(handler)
    return eventCenter
  },
  trigger(key: string, ...args: unknown[]) {
    handlers.get(key)?.forEach((handler) => handler(...args))
    return eventCenter
  },
}

export const ENV_TYPE = { WEAPP: 'WEAPP', SWAN: 'SWAN', ALIPAY: 'ALIPAY', TT: 'TT', QQ: 'QQ', JD: 'JD', WEB: 'WEB', RN: 'RN' }
export const getEnv = () => (process.env.TARO_ENV === 'h5' ? 'WEB' : (process.env.TARO_ENV ?? 'weapp').toUpperCase())

/** The framework a test renders with, loaded when a hook is called: Vue inside a Vue setup(), React otherwise (only the one the app uses is installed). */
function optional<T>(name: string): T | undefined {
  try {
    return require(name) as T
  } catch (error) {
    return undefined
  }
}
type Vue = typeof import('vue')
type React = typeof import('react')

// Page lifecycle hooks: the test renders the page, so it has loaded, shown and is ready once mounted.
const lifecycle = (unmount: boolean) => (callback: () => void) => {
  const vue = optional<Vue>('vue')
  if (vue && vue.getCurrentInstance()) return void (unmount ? vue.onUnmounted : vue.onMounted)(() => void callback())
  const react = optional<React>('react')
  if (!react) throw new Error('[taro-privacy] @tarojs/taro (jest double): page hooks need React or a Vue setup()')
  react.useEffect(() => (unmount ? () => void callback() : void callback()), [])
}
const onMount = lifecycle(false)
const onUnmount = lifecycle(true)
export const useLoad = onMount
export const useReady = onMount
export const useDidShow = onMount
export const useDidHide = onUnmount
export const useUnload = onUnmount

const Taro: Record<string, unknown> = {
  getCurrentPages,
  getCurrentInstance,
  eventCenter,
  ENV_TYPE,
  getEnv,
  useLoad,
  useReady,
  useDidShow,
  useDidHide,
  useUnload,
}
for (const name of SIMULATED_PRIVACY_APIS) Taro[name] = promisified(name)

/** The privacy functions exist only where the installed simulator has them (none below base library 2.32.3). */
function privacyFunction(name: string, fn: unknown) {
  Object.defineProperty(Taro, name, {
    enumerable: true,
    get: () => (installedSimulator() && !(name in platform()) ? undefined : fn),
  })
}
privacyFunction('getPrivacySetting', forward('getPrivacySetting'))
privacyFunction('requirePrivacyAuthorize', forward('requirePrivacyAuthorize'))
privacyFunction('openPrivacyContract', forward('openPrivacyContract'))
privacyFunction('onNeedPrivacyAuthorization', (next: Listener) => {
  listener = next
  installedSimulator()?.api.onNeedPrivacyAuthorization?.(next)
})
for (const name of ['navigateTo', 'redirectTo', 'navigateBack', 'switchTab', 'reLaunch', 'showToast', 'hideToast', 'showLoading', 'hideLoading', 'showModal'])
  Taro[name] = answersOk(name)

export default Taro
