import fs from 'node:fs'
import path from 'node:path'

/**
 * One config for every Taro version and runner of the matrix (compat/matrix.json). The app
 * is copied into compat/.cache/<version>/, next to that version's node_modules; the runner
 * is the one its package.json installs. A plain function, not `defineConfig(…)`: @tarojs/cli
 * 3.6.8 has no `defineConfig` (and calls the export with `merge` alone).
 */
const appRoot = path.resolve(__dirname, '..')
const manifest = JSON.parse(fs.readFileSync(path.join(appRoot, 'package.json'), 'utf8'))
const runner = manifest.devDependencies?.['@tarojs/vite-runner'] ? 'vite' : 'webpack5'
const platform = process.env.TARO_ENV || 'weapp'
// Taro 3.6.8's config check (run after its React plugin pushed a RegExp into
// compiler.prebundle.exclude) rejects the object form; a production build of Taro 3.6 does not
// prebundle anyway (`enable` defaults to mode !== 'production').
const compiler = manifest.devDependencies?.['@tarojs/cli']?.startsWith('3.') ? runner : { type: runner, prebundle: { enable: false } }
const withPrivacyPlugin = process.env.TARO_PRIVACY_PLUGIN !== 'off'

const PLATFORM_PLUGINS: Record<string, string> = {
  tt: '@tarojs/plugin-platform-tt',
  alipay: '@tarojs/plugin-platform-alipay',
}

export default () => ({
  projectName: 'taro-privacy-compat',
  date: '2026-11-27',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: withPrivacyPlugin ? `dist/${platform}` : `dist/${platform}-without-plugin`,
  plugins: [
    ...(PLATFORM_PLUGINS[platform] ? [PLATFORM_PLUGINS[platform]] : []),
    ...(withPrivacyPlugin ? ['taro-privacy/plugin'] : []),
  ],
  defineConstants: {},
  copy: { patterns: [], options: {} },
  framework: 'react',
  compiler,
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
})
