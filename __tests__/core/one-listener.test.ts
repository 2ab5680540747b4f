// One platform listener per app, whatever adapter or platform object reaches it (issue 15, bug 3).
import { createMiniProgramAdapter, createPrivacyStore, type InterceptionHandler, type PlatformResolution, type PrivacyAdapter } from '../../src/core'
import { createPrivacySimulator } from '../../src/testing'

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
const SECOND_REGISTRATION = /a second adapter registered the platform privacy listener while a store was mounted/

/** A platform with one listener slot, as the base library has: registering again replaces it. */
function platformWithOneSlot() {
  let slot: InterceptionHandler | undefined
  let registrations = 0
  const answers: PlatformResolution[] = []
  return {
    register: (handler: InterceptionHandler) => {
      registrations++
      slot = handler
    },
    intercept: (referrer: string) => slot!((answer) => answers.push(answer), referrer),
    answers,
    registrations: () => registrations,
  }
}

/** The README's "Your own adapter": any object with the PrivacyAdapter shape. */
function customAdapter(platform: ReturnType<typeof platformWithOneSlot>): PrivacyAdapter {
  return {
    platform: 'weapp',
    reportsExposure: false,
    agreeEvent: 'agreePrivacyAuthorization',
    getSetting: () => Promise.resolve({ needAuthorization: true, contractName: '' }),
    listen: platform.register,
    openContract: () => Promise.resolve(),
  }
}

it('regression: two custom adapters over one platform: the later registration took every interception, even from the store mounted last', async () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
  const platform = platformWithOneSlot()
  const first = createPrivacyStore({ adapter: customAdapter(platform) })
  first.mount()
  const second = createPrivacyStore({ adapter: customAdapter(platform) }) // replaces the platform's listener
  second.mount()
  first.mount() // mounted last
  await settle()
  platform.intercept('getLocation')
  expect(first.getState().pending).toEqual([expect.objectContaining({ referrer: 'getLocation' })])
  expect(second.getState().pending).toEqual([])
  expect(warn).toHaveBeenCalledWith(expect.stringMatching(SECOND_REGISTRATION))
})

it("regression: createMiniProgramAdapter(api, 'qq') and createMiniProgramAdapter(api) on one object route to the store mounted last", async () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
  const sim = createPrivacySimulator({ latency: 0, platform: 'qq' })
  const qq = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api, 'qq') })
  const unmountQq = qq.mount()
  const weapp = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
  weapp.mount()
  qq.mount()
  unmountQq()
  await settle()
  qq.attachUI()
  sim.call('getLocation')
  expect([qq.getState().pending.length, weapp.getState().pending.length]).toEqual([1, 0])
  expect(warn.mock.calls.filter(([message]) => SECOND_REGISTRATION.test(message))).toHaveLength(1)
})

it('two objects that forward to one platform (a module namespace and the default export of @tarojs/taro) route to the store mounted last', async () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
  const sim = createPrivacySimulator({ latency: 0 })
  const namespace = Object.assign({}, sim.api)
  const defaultExport = Object.assign({}, sim.api)
  const a = createPrivacyStore({ adapter: createMiniProgramAdapter(namespace) })
  a.attachUI()
  a.mount()
  const b = createPrivacyStore({ adapter: createMiniProgramAdapter(defaultExport) })
  b.mount()
  a.mount()
  await settle()
  sim.call('chooseMedia')
  expect([a.getState().pending.length, b.getState().pending.length]).toEqual([1, 0])
  b.destroy()
  a.destroy()
  expect(warn).toHaveBeenCalledWith(expect.stringMatching(SECOND_REGISTRATION))
})

it('one adapter used by many stores registers once and warns about nothing', async () => {
  const platform = platformWithOneSlot()
  const adapter = customAdapter(platform)
  createPrivacyStore({ adapter }).mount()
  createPrivacyStore({ adapter }).mount()
  await settle()
  expect(platform.registrations()).toBe(1)
})

it('an interception arriving through a replaced registration (an older platform object) is answered disagree at once', async () => {
  const old = platformWithOneSlot()
  createPrivacyStore({ adapter: customAdapter(old) })
  const current = platformWithOneSlot()
  const store = createPrivacyStore({ adapter: customAdapter(current) })
  store.mount()
  await settle()
  old.intercept('getLocation')
  expect(old.answers).toEqual([{ event: 'disagree' }])
  expect(store.getState().pending).toEqual([])
})
