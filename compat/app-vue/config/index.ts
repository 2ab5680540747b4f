import { defineConfig } from '@tarojs/cli'

/**
 * The Vue 3 compat app (compat/matrix.json entries with `"app": "app-vue"`), copied into
 * compat/.cache/<name>/ next to that entry's node_modules. The same pages, routes, element ids
 * and texts as the React app (../app), so compat/e2e/{weapp,h5}/flows.js run on both.
 */
const platform = process.env.TARO_ENV || 'weapp'
const withPrivacyPlugin = process.env.TARO_PRIVACY_PLUGIN !== 'off'

export default defineConfig<'webpack5'>(() => ({
  projectName: 'taro-privacy-compat-vue',
  date: '2026-11-27',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: withPrivacyPlugin ? `dist/${platform}` : `dist/${platform}-without-plugin`,
  plugins: withPrivacyPlugin ? ['taro-privacy/plugin'] : [],
  defineConstants: {},
  copy: { patterns: [], options: {} },
  framework: 'vue3',
  compiler: { type: 'webpack5', prebundle: { enable: false } },
  cache: { enable: false },
  logger: { quiet: true, stats: false },
  mini: {
    postcss: { pxtransform: { enable: true, config: {} }, cssModules: { enable: false } },
  },
  h5: {
    publicPath: '/',
    staticDirectory: 'static',
    router: { mode: 'hash' },
    postcss: { autoprefixer: { enable: true, config: {} }, cssModules: { enable: false } },
  },
}))
