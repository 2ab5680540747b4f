// The bench's minimal Taro app (a new user's defaults), one variant per build:
// SIZE_VARIANT picks variants/<name> as the source root; output goes to dist/<name>.
// Source maps are "hidden" (no comment in the .js), so the measured files are the ones a
// build without maps writes; bench/size/attribute.cjs reads them.
const variant = process.env.SIZE_VARIANT
if (!variant) throw new Error('SIZE_VARIANT is not set (run bench/size.cjs)')

module.exports = function () {
  return {
    projectName: 'taro-privacy-size',
    date: '2026-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: `variants/${variant}`,
    outputRoot: `dist/${variant}`,
    plugins: [],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
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
