import type { MiniProgramPlatform } from '../platform/mini-program'
import type { PlatformResolution } from '../core/types'

/** Privacy APIs the simulated platform intercepts (each declared by default). */
export const SIMULATED_PRIVACY_APIS = [
  'getUserProfile',
  'getUserInfo',
  'chooseMedia',
  'chooseImage',
  'chooseVideo',
  'saveImageToPhotosAlbum',
  'getClipboardData',
  'setClipboardData',
  'getLocation',
  'getFuzzyLocation',
  'chooseLocation',
  'chooseAddress',
  'startRecord',
  'getWeRunData',
  'chooseInvoiceTitle',
] as const

/**
 * Components the platform intercepts like privacy APIs: a tap on `<button open-type="getPhoneNumber">`
 * reaches the listener with this referrer (each declared by default). Call them with
 * `call('button.getPhoneNumber', callbacks)`: `success` means the button may fire its event.
 */
export const SIMULATED_PRIVACY_COMPONENTS = ['button.getPhoneNumber', 'button.getRealtimePhoneNumber'] as const

const TEMP_FILE = { tempFilePath: 'wxfile://tmp/simulated.jpg', size: 1024 }
const USER_INFO = { nickName: '微信用户', avatarUrl: '', gender: 0, country: '', province: '', city: '', language: 'zh_CN' }

/** What a successful call hands the app besides `errMsg`, shaped like the base library's, so app code can read it. */
const SUCCESS_DATA: Record<string, object> = {
  getUserProfile: { userInfo: USER_INFO },
  getUserInfo: { userInfo: USER_INFO },
  chooseMedia: { type: 'image', tempFiles: [{ ...TEMP_FILE, fileType: 'image' }] },
  chooseImage: { tempFilePaths: [TEMP_FILE.tempFilePath], tempFiles: [{ path: TEMP_FILE.tempFilePath, size: TEMP_FILE.size }] },
  chooseVideo: { tempFilePath: 'wxfile://tmp/simulated.mp4', duration: 1, size: 1024, height: 720, width: 1280 },
  getClipboardData: { data: '' },
  getLocation: { latitude: 39.908823, longitude: 116.39747, speed: 0, accuracy: 65, altitude: 0, verticalAccuracy: 0, horizontalAccuracy: 65 },
  getFuzzyLocation: { latitude: 39.91, longitude: 116.4 },
  chooseLocation: { name: '天安门', address: '北京市东城区', latitude: 39.908823, longitude: 116.39747 },
  chooseAddress: { userName: '张三', postalCode: '100000', provinceName: '北京市', cityName: '北京市', countyName: '东城区', detailInfo: '东长安街', nationalCode: '110101', telNumber: '13800000000' },
  getWeRunData: { encryptedData: 'simulated', iv: 'simulated', cloudID: 'simulated' },
  chooseInvoiceTitle: { type: '0', title: '示例公司', taxNumber: '000000000000000000', companyAddress: '', telephone: '', bankName: '', bankAccount: '' },
}

/** What the platform hands the second event of a combined open-type (`getPhoneNumber|agreePrivacyAuthorization`, …). */
export const COMBINED_OPEN_TYPE_DETAIL: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  getPhoneNumber: { errMsg: 'getPhoneNumber:ok', code: 'simulated-phone-code' },
  getRealtimePhoneNumber: { errMsg: 'getRealtimePhoneNumber:ok', code: 'simulated-phone-code' },
  getUserInfo: { errMsg: 'getUserInfo:ok', userInfo: { nickName: '微信用户', avatarUrl: '' } },
}

/** The base library version that brought the privacy API, per platform. */
const PRIVACY_SINCE: Record<MiniProgramPlatform, number[]> = {
  weapp: [2, 32, 3],
  qq: [2, 32, 3],
  tt: [3, 19, 0],
  alipay: [2, 9, 7],
}

export interface CallOptions {
  success?: (result: { errMsg: string }) => void
  fail?: (failure: { errMsg: string; errno?: number }) => void
  complete?: (result: { errMsg: string; errno?: number }) => void
}

export interface SimulatedRequest {
  readonly id: number
  readonly referrer: string
  /** Every value passed to this request's `resolve`, in order (`"exposureAuthorization"`, `"agree"`, `"disagree"`). */
  readonly events: readonly string[]
  /** The decision the call ended with, once it has one. */
  readonly settled?: 'agree' | 'disagree'
}

/** One call of a simulated function and the callbacks the app received, in order. */
export interface SimulatedCall {
  readonly api: string
  /** `"success"` or `"fail"` per callback delivered: `[]` while the call waits, `["success"]` once answered. */
  readonly results: readonly ('success' | 'fail')[]
  /** The `errMsg` of the last callback. */
  readonly errMsg?: string
}

export interface PrivacySimulatorOptions {
  /** Default `weapp`. On `tt` and `alipay` the resolve takes only agree or disagree: an exposure report is a violation. */
  platform?: MiniProgramPlatform
  /** Whether the user still has to agree (to every declared API). Default true. */
  needAuthorization?: boolean
  /** Default `《示例小程序隐私保护指引》`. */
  contractName?: string
  /** Base library version. Below the platform's first privacy version (weapp/qq 2.32.3, tt 3.19.0, alipay 2.9.7) there are no privacy functions and nothing is intercepted. Default `3.19.0`. */
  baseLibrary?: string
  /** APIs declared in the privacy guide; calling another fails with errno 112. Default: all of `SIMULATED_PRIVACY_APIS` and `SIMULATED_PRIVACY_COMPONENTS`. */
  declared?: readonly string[]
  /**
   * What the user answers in the platform's official popup, shown when no listener is
   * registered. Default `disagree` (the call fails with errno 104). After a refusal, calls
   * within 10 s fail at once without a popup, as on WeChat.
   */
  officialPopup?: OfficialPopupAnswer
  /**
   * Milliseconds the platform takes to answer, like the base library's bridge to the
   * native side: callbacks (`success`, `fail`, `complete`) and the call of the
   * `onNeedPrivacyAuthorization` listener come this much later, on a timer. Default 1.
   * `0` answers synchronously, inside the call.
   */
  latency?: number
  /**
   * The errno a call fails with when the app's listener answers `disagree`. WeChat's guide
   * promises none for a refusal in the app's own UI; an independent model of the base library
   * sends 104, as for a refusal in the official popup. Default 104; `null` sends none.
   */
  disagreeErrno?: number | null
}

export type OfficialPopupAnswer = 'agree' | 'disagree'

export type CheckBehaviour = 'answer' | 'fail' | 'hang'

/** The listener the app registers with `onNeedPrivacyAuthorization`. */
export type SimulatedPrivacyListener = (resolve: (result: PlatformResolution) => void, eventInfo: { referrer: string }) => void

/** A `wx`-like object: the four privacy functions plus every simulated privacy API. */
export type SimulatedPlatformApi = Record<string, (options?: CallOptions) => void | Promise<{ errMsg: string }>> & {
  onNeedPrivacyAuthorization?: (listener: SimulatedPrivacyListener) => void
}

export interface PrivacySimulator {
  /** Install as `wx` (or feed to your `@tarojs/taro` double, or to `createMiniProgramAdapter`). */
  readonly api: SimulatedPlatformApi
  /** The app calls a privacy API (same as `api[name](options)`). */
  call(name: string, options?: CallOptions): void
  /** The user taps the agree button with this id: the platform records the tap and the consent. Dispatching the button's event is the UI's part. */
  tapAgreeButton(buttonId: string): void
  /** The user deleted the mini program from "recent": consent is gone. */
  revokeConsent(): void
  /** The developer declared new data types: these APIs need consent again. */
  declare(...apis: string[]): void
  /** How `getPrivacySetting` behaves from now on. */
  setCheck(behaviour: CheckBehaviour): void
  /** What the user answers in the official popup from now on. */
  setOfficialPopup(answer: OfficialPopupAnswer): void
  /** How many times the platform showed its official popup (no listener registered). */
  readonly officialPopups: number
  readonly needAuthorization: boolean
  readonly requests: readonly SimulatedRequest[]
  readonly pending: readonly SimulatedRequest[]
  /** Every call of `api` (privacy APIs and the four privacy functions), with the callbacks it received. */
  readonly calls: readonly SimulatedCall[]
  /** How many times `onNeedPrivacyAuthorization` was called (the platform keeps only the last listener). */
  readonly listenerRegistrations: number
  /** How many times `openPrivacyContract` succeeded. */
  readonly contractOpens: number
  /** Broken rules, e.g. a request resolved twice or an agree naming an untapped button. Empty when the app behaved. */
  readonly violations: readonly string[]
}

function versionBelow(version: string, minimum: number[]): boolean {
  const parts = version.split('.').map(Number)
  for (let i = 0; i < minimum.length; i++) {
    if ((parts[i] ?? 0) !== minimum[i]) return (parts[i] ?? 0) < minimum[i]
  }
  return false
}

interface MutableRequest {
  id: number
  referrer: string
  events: string[]
  settled?: 'agree' | 'disagree'
}

/**
 * A model of the base library's privacy runtime, for tests: interception with
 * `referrer`, the check of `buttonId` against real taps, agree/disagree/exposure on
 * the intercepted call, undeclared APIs (errno 112), old base libraries, consent
 * cleared, a failing or silent `getPrivacySetting`.
 */
export function createPrivacySimulator(options: PrivacySimulatorOptions = {}): PrivacySimulator {
  const {
    platform = 'weapp',
    contractName = '《示例小程序隐私保护指引》',
    baseLibrary = '3.19.0',
    declared = [...SIMULATED_PRIVACY_APIS, ...SIMULATED_PRIVACY_COMPONENTS],
    latency = 1,
    disagreeErrno = 104,
  } = options
  if (typeof latency !== 'number' || !(latency >= 0))
    throw new TypeError(`[taro-privacy] createPrivacySimulator: latency must be a number of milliseconds >= 0 (0 answers synchronously); got ${latency}.`)
  const supported = !versionBelow(baseLibrary, PRIVACY_SINCE[platform])
  const declaredApis = new Set<string>(declared)
  const consented = new Set<string>(options.needAuthorization === false ? declaredApis : [])
  const tapped = new Set<string>()
  const requests: MutableRequest[] = []
  const violations: string[] = []
  const calls: { api: string; results: ('success' | 'fail')[]; errMsg?: string }[] = []
  let listener: SimulatedPrivacyListener | undefined
  let listenerRegistrations = 0
  let contractOpens = 0
  let check: CheckBehaviour = 'answer'
  let officialPopup: OfficialPopupAnswer = options.officialPopup ?? 'disagree'
  let officialPopups = 0
  let officialRefusedAt = -Infinity

  const needAuthorization = () => [...declaredApis].some((api) => !consented.has(api))
  /** The platform's answer reaches the app `latency` ms later (at once with 0). */
  const later = (answer: () => void) => (latency === 0 ? answer() : void setTimeout(answer, latency))
  /** A component's callbacks name its open-type: `getPhoneNumber:ok`. */
  const shortName = (name: string) => name.replace(/^button\./, '')
  const ok = (name: string, call: CallOptions, result: { errMsg: string } = { errMsg: `${shortName(name)}:ok`, ...SUCCESS_DATA[name] }) =>
    later(() => {
      call.success?.(result)
      call.complete?.(result)
    })
  const fail = (name: string, call: CallOptions, reason: string, errno?: number) => {
    const failure = { errMsg: `${shortName(name)}:fail ${reason}`, ...(errno === undefined ? {} : { errno }) }
    later(() => {
      call.fail?.(failure)
      call.complete?.(failure)
    })
  }

  /** The request is recorded at once; the listener hears of it `latency` ms later. */
  function intercept(name: string, call: CallOptions): void {
    const request: MutableRequest = { id: requests.length + 1, referrer: name, events: [] }
    requests.push(request)
    later(() => deliver(request, call))
  }

  function deliver(request: MutableRequest, call: CallOptions): void {
    const name = request.referrer
    if (!listener) return answerOfficially(name, call, request)
    const resolve = (result: PlatformResolution) => {
      const event = (result as { event?: unknown } | undefined)?.event
      request.events.push(String(event))
      if (request.settled) return void violations.push(`request ${request.id} (${name}) resolved again with "${event}"`)
      if (event === 'exposureAuthorization') {
        if (platform === 'tt' || platform === 'alipay')
          violations.push(`request ${request.id} (${name}): ${platform} has no exposureAuthorization`)
        return
      }
      if (event === 'agree') {
        const { buttonId } = result as { buttonId?: string }
        if (!buttonId || !tapped.has(buttonId)) {
          violations.push(`request ${request.id} (${name}): agree names button "${buttonId}", which the user never tapped`)
          request.settled = 'disagree'
          return fail(name, call, 'privacy permission is not authorized')
        }
        request.settled = 'agree'
        return ok(name, call)
      }
      if (event === 'disagree') {
        request.settled = 'disagree'
        return fail(name, call, 'privacy permission is not authorized', disagreeErrno ?? undefined)
      }
      violations.push(`request ${request.id} (${name}): unknown resolve event "${event}"`)
    }
    listener(resolve, { referrer: name })
  }

  /** No listener: the platform shows its own popup, unless the user refused one less than 10 s ago. */
  function answerOfficially(name: string, call: CallOptions, request: MutableRequest): void {
    const refusedRecently = Date.now() - officialRefusedAt < 10_000
    if (!refusedRecently) officialPopups++
    if (!refusedRecently && officialPopup === 'agree') {
      declaredApis.forEach((api) => consented.add(api))
      request.settled = 'agree'
      return ok(name, call)
    }
    if (!refusedRecently) officialRefusedAt = Date.now()
    request.settled = 'disagree'
    fail(name, call, 'privacy permission is not authorized (the official popup was refused)', 104)
  }

  /** Records the call and the callbacks it receives. */
  function tracked(name: string, callOptions: CallOptions = {}): CallOptions {
    const record: (typeof calls)[number] = { api: name, results: [] }
    calls.push(record)
    return {
      ...callOptions,
      success: (result) => {
        record.results.push('success')
        record.errMsg = result.errMsg
        callOptions.success?.(result)
      },
      fail: (failure) => {
        record.results.push('fail')
        record.errMsg = failure.errMsg
        callOptions.fail?.(failure)
      },
    }
  }

  function call(name: string, options?: CallOptions): void {
    const callOptions = tracked(name, options)
    const intercepted = [...SIMULATED_PRIVACY_APIS, ...SIMULATED_PRIVACY_COMPONENTS] as readonly string[]
    if (!supported || !intercepted.includes(name)) return ok(name, callOptions)
    if (!declaredApis.has(name)) return fail(name, callOptions, 'api scope is not declared in the privacy agreement', 112)
    if (consented.has(name)) return ok(name, callOptions)
    intercept(name, callOptions)
  }

  const api: SimulatedPlatformApi = {}
  // As the base library: called without success, fail or complete, an API returns a promise of its result.
  const withCallbacks = (options: CallOptions = {}) => !!(options.success || options.fail || options.complete)
  for (const name of SIMULATED_PRIVACY_APIS)
    api[name] = (callOptions) =>
      withCallbacks(callOptions) ? call(name, callOptions) : new Promise((resolve, reject) => call(name, { ...callOptions, success: resolve, fail: reject }))
  if (supported) {
    api.getPrivacySetting = (options) => {
      const callOptions = tracked('getPrivacySetting', options)
      if (check === 'hang') return
      if (check === 'fail') return fail('getPrivacySetting', callOptions, 'system error')
      const result = { errMsg: 'getPrivacySetting:ok', needAuthorization: needAuthorization(), privacyContractName: contractName }
      ok('getPrivacySetting', callOptions, result)
    }
    api.onNeedPrivacyAuthorization = (next: SimulatedPrivacyListener) => {
      listenerRegistrations++
      if (typeof next !== 'function') violations.push('onNeedPrivacyAuthorization was given a non-function')
      listener = typeof next === 'function' ? next : undefined
    }
    api.requirePrivacyAuthorize = (options) => {
      const callOptions = tracked('requirePrivacyAuthorize', options)
      if (needAuthorization()) intercept('requirePrivacyAuthorize', callOptions)
      else ok('requirePrivacyAuthorize', callOptions)
    }
    api.openPrivacyContract = (options) => {
      contractOpens++
      ok('openPrivacyContract', tracked('openPrivacyContract', options))
    }
  }

  return {
    api,
    call,
    tapAgreeButton(buttonId) {
      tapped.add(buttonId)
      declaredApis.forEach((name) => consented.add(name))
    },
    revokeConsent: () => consented.clear(),
    declare: (...apis) => apis.forEach((name) => declaredApis.add(name)),
    setCheck: (behaviour) => void (check = behaviour),
    setOfficialPopup: (answer) => void (officialPopup = answer),
    get officialPopups() {
      return officialPopups
    },
    get needAuthorization() {
      return needAuthorization()
    },
    get requests() {
      return requests
    },
    get pending() {
      return requests.filter((request) => !request.settled)
    },
    get calls() {
      return calls
    },
    get listenerRegistrations() {
      return listenerRegistrations
    },
    get contractOpens() {
      return contractOpens
    },
    get violations() {
      return violations
    },
  }
}
