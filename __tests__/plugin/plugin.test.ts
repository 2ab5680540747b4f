/**
 * @jest-environment node
 */
// How the plugin drives Taro's plugin API. What Taro then compiles (the tt and alipay
// templates and app.json, with and without the plugin) is checked on real builds of the
// example: example/e2e/build/plugin.test.js (npm run test:e2e).
import taroPrivacyPlugin, { type PrivacyPluginOptions, type TaroPluginContext } from '../../src/plugin'

function run(platform: string, options?: PrivacyPluginOptions, appConfig: Record<string, unknown> = { pages: ['pages/index/index'] }) {
  const merged: unknown[] = []
  const configMap = { 'app.config': { content: { ...appConfig } }, 'pages/index/index.config': { content: { navigationBarTitleText: '首页' } } }
  let setupClose: ((platform: never) => void) | undefined
  let modifyConfigs: ((args: { configMap: typeof configMap }) => void) | undefined
  const ctx: TaroPluginContext = {
    registerMethod: ({ name, fn }) => void (name === 'onSetupClose' && (setupClose = fn as never)),
    modifyMiniConfigs: (fn) => void (modifyConfigs = fn as never),
  }
  const previous = process.env.TARO_ENV
  process.env.TARO_ENV = platform
  try {
    taroPrivacyPlugin(ctx, options)
    setupClose?.({ platform, template: { mergeComponents: (_: unknown, components: unknown) => merged.push(components) } } as never)
    modifyConfigs?.({ configMap })
  } finally {
    process.env.TARO_ENV = previous
  }
  return { merged, app: configMap['app.config'].content, page: configMap['pages/index/index.config'].content }
}

it('on alipay adds the camel-cased agree event to Button and usePrivacyCheck to the app config', () => {
  const { merged, app, page } = run('alipay')
  expect(merged).toEqual([{ Button: { bindAgreePrivacyAuthorization: '' } }])
  expect(app).toEqual({ pages: ['pages/index/index'], usePrivacyCheck: true })
  expect(page).toEqual({ navigationBarTitleText: '首页' })
})

it('on tt adds usePrivacyCheck only (Taro already binds bindagreeprivacyauthorization there)', () => {
  const { merged, app, page } = run('tt')
  expect(merged).toEqual([])
  expect(app).toEqual({ pages: ['pages/index/index'], usePrivacyCheck: true })
  expect(page).toEqual({ navigationBarTitleText: '首页' })
})

it.each(['weapp', 'qq', 'h5', 'swan'])('leaves %s alone (its template already binds the event, or it has no privacy API)', (platform) => {
  const { merged, app } = run(platform)
  expect(merged).toEqual([])
  expect(app).toEqual({ pages: ['pages/index/index'] })
})

it('usePrivacyCheck: false opts out of the config change, not of the event', () => {
  const { merged, app } = run('alipay', { usePrivacyCheck: false })
  expect(merged).toHaveLength(1)
  expect(app.usePrivacyCheck).toBeUndefined()
  expect(run('tt', { usePrivacyCheck: false }).app.usePrivacyCheck).toBeUndefined()
})

it('keeps a usePrivacyCheck the app set itself', () => {
  expect(run('alipay', {}, { pages: [], usePrivacyCheck: false }).app.usePrivacyCheck).toBe(false)
})
