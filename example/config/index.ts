import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'

/** The repository root: the example consumes the package from its built `dist/`. */
const repoRoot = path.resolve(__dirname, '../..')
const libraryDist = path.join(repoRoot, 'dist')
const exampleModules = path.resolve(__dirname, '../node_modules')
const platform = process.env.TARO_ENV || 'weapp'

/**
 * `taro-privacy/plugin`, from this repository (`plugin/package.json` → `dist/plugin.cjs`),
 * as an app would list `'taro-privacy/plugin'`. `TARO_PRIVACY_PLUGIN=off` builds the same
 * app without it, into `dist/<platform>-without-plugin/`, so the e2e tests can compare.
 */
const withPrivacyPlugin = process.env.TARO_PRIVACY_PLUGIN !== 'off'
/** `TARO_PRIVACY_OFFICIAL_POPUP=on`: the provider's official-popup mode, built into `dist/<platform>-official`. */
const officialPopup = process.env.TARO_PRIVACY_OFFICIAL_POPUP === 'on'
/**
 * `TARO_PRIVACY_FORCED=on`: consent the user cannot dismiss, asked again on every page
 * (the README recipe "Consent on every page"), built into `dist/<platform>-forced`.
 */
const forced = process.env.TARO_PRIVACY_FORCED === 'on'
const outputRoot = `dist/${platform}${withPrivacyPlugin ? '' : '-without-plugin'}${officialPopup ? '-official' : ''}${forced ? '-forced' : ''}`
const privacyPlugin = path.join(repoRoot, 'plugin')

/** Douyin and Alipay: Taro's CLI would add these by itself; listed so the example says what it builds with. */
const PLATFORM_PLUGINS: Record<string, string> = {
  tt: '@tarojs/plugin-platform-tt',
  alipay: '@tarojs/plugin-platform-alipay',
}

/**
 * `taro-privacy` resolves to the repo root's build output. That output imports
 * `react`, `@tarojs/taro`, `@tarojs/components`, … which node would look up in the
 * repo root's node_modules (the library's own dev copies). Files of the library
 * therefore resolve bare imports in the example's node_modules only, so the bundle
 * holds exactly one copy of each.
 */
function useOneCopyOfEachDependency(chain: any) {
  // Module ids are their paths, so the e2e tests can check which files were bundled.
  chain.optimization.set('moduleIds', 'named')
  chain.module
    .rule('taro-privacy-dist')
    .test(/\.[cm]?js$/)
    .include.add(libraryDist).end()
    .resolve.modules.clear().add(exampleModules)
}

export default defineConfig<'webpack5'>(async () => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'taro-privacy-example',
    date: '2025-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    plugins: [...(PLATFORM_PLUGINS[platform] ? [PLATFORM_PLUGINS[platform]] : []), ...(withPrivacyPlugin ? [privacyPlugin] : [])],
    defineConstants: { PRIVACY_OFFICIAL_POPUP: JSON.stringify(officialPopup), PRIVACY_FORCED: JSON.stringify(forced) },
    alias: {
      'taro-privacy/testing': path.join(libraryDist, 'testing.mjs'),
      'taro-privacy/core': path.join(libraryDist, 'core.mjs'),
      'taro-privacy$': path.join(libraryDist, 'index.mjs'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      // Readable output: the e2e tests read the compiled templates and pages.
      optimizeMainPackage: { enable: false },
      webpackChain: useOneCopyOfEachDependency,
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain: any) {
        useOneCopyOfEachDependency(chain)
        chain.performance.hints(false)
      },
    },
  }
  return config
})
