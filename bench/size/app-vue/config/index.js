// The bench's minimal Taro Vue 3 app (a new user's defaults), one variant per build:
// SIZE_VARIANT `vue-<name>` picks variants/<name> as the source root; output goes to
// dist/vue-<name>. Everything else is the React app's config (bench/size/app/config) with
// framework vue3.
const variant = process.env.SIZE_VARIANT
if (!variant || !variant.startsWith('vue-')) throw new Error('SIZE_VARIANT is not a vue-* variant (run bench/size.cjs)')

module.exports = function () {
  return {
    projectName: 'taro-privacy-size-vue',
    date: '2026-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: `variants/${variant.slice('vue-'.length)}`,
    outputRoot: `dist/${variant}`,
    plugins: [],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'vue3',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    mini: {
      enableSourceMap: true,
      sourceMapType: 'hidden-source-map',
      postcss: { pxtransform: { enable: true, config: {} }, cssModules: { enable: false } },
    },
  }
}
