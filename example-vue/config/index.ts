import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'

/** The repository root: the example consumes the package from its built `dist/` (`npm run build` at the root). */
const repoRoot = path.resolve(__dirname, '../..')
const libraryDist = path.join(repoRoot, 'dist')
const exampleModules = path.resolve(__dirname, '../node_modules')
/** One output folder per platform: dist/weapp, dist/h5. */
const outputRoot = `dist/${process.env.TARO_ENV || 'weapp'}`

/**
 * Files of the library's build output resolve bare imports (`vue`, `@tarojs/taro`,
 * `@tarojs/components`, …) in this app's node_modules only, so the bundle holds exactly one
 * copy of each (the repo root has its own dev copies).
 */
function useOneCopyOfEachDependency(chain: any) {
  // Module ids are their paths, so tests can check which files were bundled.
  chain.optimization.set('moduleIds', 'named')
  chain.module
    .rule('taro-privacy-dist')
    .test(/\.[cm]?js$/)
    .include.add(libraryDist).end()
    .resolve.modules.clear().add(exampleModules)
}

export default defineConfig<'webpack5'>(async () => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'taro-privacy-example-vue',
    date: '2025-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    defineConstants: {},
    alias: {
      // As an app resolves `taro-privacy/vue` from node_modules (package.json "exports").
      'taro-privacy/vue': path.join(libraryDist, 'vue.mjs'),
    },
    copy: { patterns: [], options: {} },
    framework: 'vue3',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      // Readable output: tests read the compiled templates and pages.
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
