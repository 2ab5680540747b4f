/**
 * @jest-environment node
 */
// How the plugin drives Taro's plugin API. What Taro then compiles (the templates and
// app.json, with and without the plugin) is checked on real builds: the example's
// (example/e2e/build/plugin.test.js, npm run test:e2e) and every Taro setup of the compat
// matrix, Taro 3.6.8 included (compat/e2e/build/plugin.test.js, npm run test:compat).
import taroPrivacyPlugin, { type PrivacyPluginOptions, type TaroPluginContext } from '../../src/plugin'

/** Button as @tarojs/shared ≥ 3.6.16 declares it (with the platform's own events merged in). */
const BUTTON_WITH_EVENT = { 'open-type': '', bindGetPhoneNumber: '', bindagreeprivacyauthorization: '' }
/** Button as @tarojs/shared 3.6.8 declares it: no agree event. */
const BUTTON_WITHOUT_EVENT = { 'open-type': '', bindGetPhoneNumber: '' }

/**
 * Runs the plugin as Taro's CLI does for `platform`; `button` is the template's Button before
 * the plugin (default: Taro ≥ 3.6.16's; null: a template without the components table).
 */
function run(
  platform: string,
  options?: PrivacyPluginOptions,
  appConfig: Record<string, unknown> = { pages: ['pages/index/index'] },
  button: Record<string, string> | null = BUTTON_WITH_EVENT,
) {
  const merged: unknown[] = []
  const configMap = { 'app.config': { content: { ...appConfig } }, 'pages/index/index.config': { content: { navigationBarTitleText: '首页' } } }
  let setupClose: ((platform: never) => void) | undefined
  let modifyConfigs: ((args: { configMap: typeof configMap }) => void) | undefined
  const ctx: TaroPluginContext = {
    registerMethod: ({ name, fn }) => void (name === 'onSetupClose' && (setupClose = fn as never)),
    modifyMiniConfigs: (fn) => void (modifyConfigs = fn as never),
  }
  const internalComponents = button ? { Button: { ...button } } : undefined
  const previous = process.env.TARO_ENV
  process.env.TARO_ENV = platform
  try {
    taroPrivacyPlugin(ctx, options)
    const template = {
      internalComponents,
      // Taro's recursiveMerge into the template's table.
      mergeComponents: (_: unknown, components: { Button: Record<string, string> }) => {
        merged.push(components)
        if (internalComponents) Object.assign(internalComponents.Button, components.Button)
      },
    }
    setupClose?.({ platform, template: platform === 'h5' ? undefined : template } as never)
    modifyConfigs?.({ configMap })
  } finally {
    process.env.TARO_ENV = previous
  }
  return { merged, app: configMap['app.config'].content, page: configMap['pages/index/index.config'].content, button: internalComponents?.Button }
}

it('on alipay adds the camel-cased agree event to Button and usePrivacyCheck to the app config', () => {
  const { merged, app, page } = run('alipay')
  expect(merged).toEqual([{ Button: { bindAgreePrivacyAuthorization: '' } }])
  expect(app).toEqual({ pages: ['pages/index/index'], usePrivacyCheck: true })
  expect(page).toEqual({ navigationBarTitleText: '首页' })
})

it('on tt adds usePrivacyCheck only where Taro already binds bindagreeprivacyauthorization', () => {
  const { merged, app, page } = run('tt', {}, undefined, BUTTON_WITH_EVENT)
  expect(merged).toEqual([])
  expect(app).toEqual({ pages: ['pages/index/index'], usePrivacyCheck: true })
  expect(page).toEqual({ navigationBarTitleText: '首页' })
})

it.each(['weapp', 'qq', 'tt'])('on %s binds bindagreeprivacyauthorization where the template\'s Button lacks it (Taro < 3.6.16)', (platform) => {
  const { merged, button } = run(platform, {}, undefined, BUTTON_WITHOUT_EVENT)
  expect(merged).toEqual([{ Button: { bindagreeprivacyauthorization: '' } }])
  expect(button).toEqual({ ...BUTTON_WITHOUT_EVENT, bindagreeprivacyauthorization: '' })
})

it.each(['weapp', 'qq', 'tt'])('on %s leaves a Button that binds the event alone (Taro ≥ 3.6.16): no double binding', (platform) => {
  expect(run(platform, {}, undefined, BUTTON_WITH_EVENT).merged).toEqual([])
})

it('on weapp counts the event in any spelling (e.g. bindAgreePrivacyAuthorization added by @tarojs/plugin-inject)', () => {
  expect(run('weapp', {}, undefined, { ...BUTTON_WITHOUT_EVENT, bindAgreePrivacyAuthorization: '' }).merged).toEqual([])
})

it('binds the event once when its hook runs twice (the plugin listed twice)', () => {
  const merged: unknown[] = []
  const internalComponents = { Button: { ...BUTTON_WITHOUT_EVENT } as Record<string, string> }
  const template = {
    internalComponents,
    mergeComponents: (_: unknown, components: { Button: Record<string, string> }) => {
      merged.push(components)
      Object.assign(internalComponents.Button, components.Button)
    },
  }
  const hooks: ((platform: never) => void)[] = []
  const ctx: TaroPluginContext = { registerMethod: ({ fn }) => void hooks.push(fn as never), modifyMiniConfigs: () => {} }
  taroPrivacyPlugin(ctx)
  taroPrivacyPlugin(ctx)
  for (const hook of hooks) hook({ platform: 'weapp', template } as never)
  expect(merged).toEqual([{ Button: { bindagreeprivacyauthorization: '' } }])
})

it('leaves a template it cannot read alone (no Button in its components table), with a build-time warning', () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
  try {
    expect(run('weapp', {}, undefined, null).merged).toEqual([])
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0][0]).toMatch(/^\[taro-privacy\/plugin\] weapp: cannot read the Button of Taro's template/)
    warn.mockClear()
    run('weapp', {}, undefined, BUTTON_WITHOUT_EVENT)
    run('weapp', {}, undefined, BUTTON_WITH_EVENT)
    run('h5')
    expect(warn).not.toHaveBeenCalled()
  } finally {
    warn.mockRestore()
  }
})

it.each(['weapp', 'qq', 'h5', 'swan'])('leaves %s alone when its template already binds the event or it has no privacy API', (platform) => {
  const { merged, app } = run(platform, {}, undefined, platform === 'swan' ? BUTTON_WITHOUT_EVENT : BUTTON_WITH_EVENT)
  expect(merged).toEqual([])
  expect(app).toEqual({ pages: ['pages/index/index'] })
})

it('on alipay adds the camel-cased event once (not again where the template has it)', () => {
  expect(run('alipay', {}, undefined, BUTTON_WITHOUT_EVENT).merged).toEqual([{ Button: { bindAgreePrivacyAuthorization: '' } }])
  expect(run('alipay', {}, undefined, BUTTON_WITH_EVENT).merged).toEqual([{ Button: { bindAgreePrivacyAuthorization: '' } }])
  expect(run('alipay', {}, undefined, { ...BUTTON_WITH_EVENT, bindAgreePrivacyAuthorization: '' }).merged).toEqual([])
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
