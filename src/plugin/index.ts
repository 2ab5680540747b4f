// A Taro CLI plugin (node side): `plugins: ['taro-privacy/plugin']` in config/index.

/**
 * Platforms whose compiled Button template lacks the agree event in the spelling the
 * platform documents. Every mini platform inherits `bindagreeprivacyauthorization` from
 * @tarojs/shared's Button (since Taro 3.6.16), so `tt` gets `bindagreeprivacyauthorization="eh"`
 * on its own; Alipay's template turns it into the all-lowercase `onagreeprivacyauthorization`,
 * while Alipay binds events as `on` + the camel-cased event (`onTap`,
 * `onAgreePrivacyAuthorization`). Checked on every setup of the Taro matrix (Taro 3.6.40,
 * 4.1.11, 4.2.1 with webpack and vite: compat/e2e/build/plugin.test.js).
 */
export const PLATFORMS_WITHOUT_AGREE_EVENT = ['alipay']

/** Platforms whose privacy features are switched on by `usePrivacyCheck: true` in app.json. */
export const PLATFORMS_WITH_PRIVACY_SWITCH = ['tt', 'alipay']

export interface PrivacyPluginOptions {
  /** Add `usePrivacyCheck: true` to the app config on tt and alipay. Default true. */
  usePrivacyCheck?: boolean
}

interface MiniConfigFile {
  content?: Record<string, unknown>
}

/** The few parts of Taro's plugin context (`IPluginContext`) this plugin uses. */
export interface TaroPluginContext {
  registerMethod(method: { name: string; fn: (platform: TaroPlatform) => void }): void
  modifyMiniConfigs(fn: (args: { configMap: Record<string, MiniConfigFile> }) => void): void
}

interface TaroPlatform {
  platform: string
  template: { mergeComponents(ctx: TaroPluginContext, components: Record<string, Record<string, string>>): void }
}

export default function taroPrivacyPlugin(ctx: TaroPluginContext, options: PrivacyPluginOptions = {}): void {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      if (!PLATFORMS_WITHOUT_AGREE_EVENT.includes(platform.platform)) return
      // An empty default marks an event: Taro binds it to its event handler in the base
      // template, and Alipay's template renames `bind…` to `on…`: onAgreePrivacyAuthorization="eh".
      platform.template.mergeComponents(ctx, { Button: { bindAgreePrivacyAuthorization: '' } })
    },
  })
  if (options.usePrivacyCheck === false) return
  ctx.modifyMiniConfigs(({ configMap }) => {
    if (!PLATFORMS_WITH_PRIVACY_SWITCH.includes(process.env.TARO_ENV ?? '')) return
    const app = configMap['app.config'] ?? Object.values(configMap).find((file) => Array.isArray(file.content?.pages))
    if (app?.content && app.content.usePrivacyCheck === undefined) app.content.usePrivacyCheck = true
  })
}
