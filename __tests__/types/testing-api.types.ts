// Compiled by `npm run typecheck` (tsc), never run: the testing kit's types as a user's test sees them.
import { createPrivacySimulator, installSimulator, type PrivacySimulator, type SimulatedCall } from '../../src/testing'
import { launchWeapp, type WeappApp, type WeappCall, type WeappPage } from '../../src/testing/weapp'

export async function compiledPageTest(): Promise<string> {
  const sim: PrivacySimulator = installSimulator(createPrivacySimulator({ latency: 0, baseLibrary: '3.0.0' }))
  const app: WeappApp = await launchWeapp({ dist: 'dist', page: 'pages/index/index?from=test', simulator: sim })
  await launchWeapp({ dist: 'dist', simulator: { needAuthorization: false }, selectors: { consentUI: '.my-sheet' } })
  await app.tap({ text: '选择图片' })
  const page: WeappPage = await app.navigateTo('/pages/login/index')
  const id: string = await page.agree({ button: '#login', detail: { code: 'phone-code' } })
  // app.calls holds every wx call; a record still reads as the simulator's
  const calls: readonly SimulatedCall[] = app.calls
  const toast: WeappCall | undefined = app.calls.find((call) => call.api === 'showToast')
  const title: unknown = toast?.args[0]
  await launchWeapp({
    dist: 'dist/weapp',
    page: 'subpackages/stores/index',
    storage: { city: '上海' },
    wx: { request: ({ success }) => success({ errMsg: 'request:ok', statusCode: 200, data: [] }) },
  })
  await app.reLaunch('/pages/index/index')
  const rejection: string | undefined = app.errors[0]?.message
  // @ts-expect-error a target is a selector or { text }
  await app.tap({ id: 'login' })
  // @ts-expect-error dist is required
  await launchWeapp({ page: 'pages/index/index' })
  // @ts-expect-error latency is a number of milliseconds
  createPrivacySimulator({ latency: '1' })
  return `${id}${String(title)}${String(rejection)}${calls.length}${app.violations.length}${page.consentUIs().length}`
}
