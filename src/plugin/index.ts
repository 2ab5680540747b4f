// A Taro CLI plugin (node side): `plugins: ['taro-privacy/plugin']` in config/index.

/**
 * Platforms whose Button template binds the agree event as Taro spells it,
 * `bindagreeprivacyauthorization` (`@tarojs/shared`'s Button has it since Taro 3.6.16; the
 * template writes `bindagreeprivacyauthorization="eh"`). On older Taro the event is missing
 * and the agree tap never reaches `PrivacyAgreeButton`: there the plugin adds it, after
 * reading the template it is given (never from a version number).
 */
const PLATFORMS_WITH_TARO_AGREE_EVENT = ['weapp', 'qq', 'tt']

/**
 * Platforms whose compiled Button template lacks the agree event in the spelling the
 * platform documents, whatever the Taro version. Alipay's template turns Taro's
 * `bindagreeprivacyauthorization` into the all-lowercase `onagreeprivacyauthorization`,
 * while Alipay binds events as `on` + the camel-cased event (`onTap`,
 * `onAgreePrivacyAuthorization`). Checked on the Taro matrix's alipay builds (Taro 3.6.40, 4.1.11,
 * 4.2.1); the weapp and tt facts above on every setup (3.6.8 with and without the plugin, 3.6.40,
 * 4.1.11, 4.2.1 with webpack and vite): compat/e2e/build/plugin.test.js.
 */
const PLATFORMS_WITHOUT_AGREE_EVENT = ['alipay']

/** Platforms whose privacy features are switched on by `usePrivacyCheck: true` in app.json. */
const PLATFORMS_WITH_PRIVACY_SWITCH = ['tt', 'alipay']

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

/** Taro's mini-program template (`BaseTemplate` of `@tarojs/shared`): its components' attributes and events. */
interface TaroTemplate {
  internalComponents?: Record<string, Record<string, string> | undefined>
  mergeComponents(ctx: TaroPluginContext, components: Record<string, Record<string, string>>): void
}

interface TaroPlatform {
  platform: string
  /** Absent on h5 (web platforms have no template). */
  template?: TaroTemplate
}

const TARO_AGREE_EVENT = 'bindagreeprivacyauthorization'
const ALIPAY_AGREE_EVENT = 'bindAgreePrivacyAuthorization'

/**
 * The events `patch` would add to the template's Button: each agree event it does not bind
 * yet, in the platform's spelling. An empty default marks an event: Taro binds it to its
 * event handler in the base template (`bindagreeprivacyauthorization="eh"`; Alipay's template
 * renames `bind…` to `on…`: `onAgreePrivacyAuthorization="eh"`).
 */
function missingAgreeEvents(platform: string, template: TaroTemplate): Record<string, string> {
  const button = template.internalComponents?.Button
  const names = Object.keys(button ?? {})
  if (PLATFORMS_WITHOUT_AGREE_EVENT.includes(platform)) {
    return names.includes(ALIPAY_AGREE_EVENT) ? {} : { [ALIPAY_AGREE_EVENT]: '' }
  }
  if (!PLATFORMS_WITH_TARO_AGREE_EVENT.includes(platform)) return {}
  if (!button) {
    // A template of unknown shape is left as Taro made it, but said so: if its Button lacks
    // the event, the agree tap is lost without any error at run time.
    console.warn(
      `[taro-privacy/plugin] ${platform}: cannot read the Button of Taro's template (no internalComponents.Button); ` +
        'the agree event is left as Taro binds it. If tapping PrivacyAgreeButton does nothing, report your Taro version.',
    )
    return {}
  }
  // Any spelling counts (Taro writes event names lowercased): two bindings of one event would break the template.
  return names.some((name) => name.toLowerCase() === TARO_AGREE_EVENT) ? {} : { [TARO_AGREE_EVENT]: '' }
}

export default function taroPrivacyPlugin(ctx: TaroPluginContext, options: PrivacyPluginOptions = {}): void {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      // Runs after the platform merged its own components into the template.
      if (!platform.template) return
      const events = missingAgreeEvents(platform.platform, platform.template)
      if (Object.keys(events).length) platform.template.mergeComponents(ctx, { Button: events })
    },
  })
  if (options.usePrivacyCheck === false) return
  ctx.modifyMiniConfigs(({ configMap }) => {
    if (!PLATFORMS_WITH_PRIVACY_SWITCH.includes(process.env.TARO_ENV ?? '')) return
    const app = configMap['app.config'] ?? Object.values(configMap).find((file) => Array.isArray(file.content?.pages))
    if (app?.content && app.content.usePrivacyCheck === undefined) app.content.usePrivacyCheck = true
  })
}
