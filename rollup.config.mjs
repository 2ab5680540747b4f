// tsc has already compiled src/ to .build/ (JS) and dist/types (declarations);
// rollup only bundles each entry into ESM and CJS with shared chunks.
import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

const external = (id) => /^(react|react-dom|@tarojs\/|miniprogram-simulate$|node:)/.test(id)

// tsc keeps the source's extensionless relative imports ("./core", "./store").
const resolveCompiled = {
  name: 'resolve-compiled',
  resolveId(source, importer) {
    if (!importer || !source.startsWith('.')) return null
    const base = resolve(dirname(importer), source)
    return [`${base}.js`, `${base}/index.js`].find((file) => existsSync(file)) ?? null
  },
}

// Bundlers load the ESM build and replace `process.env.NODE_ENV` (dropping dev-only code);
// the CJS build may also run where nothing replaces it and `process` does not exist (a
// native mini-program copying dist/core.cjs), so there it checks first.
const guardProcess = {
  name: 'guard-process',
  transform(code, id) {
    const guarded = code.replaceAll("process.env.NODE_ENV !== 'production'", "(typeof process !== 'undefined' && process.env.NODE_ENV !== 'production')")
    if (id.endsWith('/core/dev.js') && guarded === code) this.error('dev.js no longer has the NODE_ENV check this plugin guards')
    return guarded === code ? null : { code: guarded, map: null }
  },
}

const input = {
  index: '.build/index.js',
  core: '.build/core/index.js',
  testing: '.build/testing/index.js',
  plugin: '.build/plugin/index.js',
}

// Entries that only run under node/jest (CommonJS only): the weapp harness, the jest preset and its doubles.
const nodeInput = {
  'testing/weapp': '.build/testing/weapp/index.js',
  'testing/jest-preset': '.build/testing/jest-preset.js',
  'testing/jest/taro': '.build/testing/jest/taro.js',
  'testing/jest/components': '.build/testing/jest/components.js',
  'testing/jest/style': '.build/testing/jest/style.js',
}

export default [
  { format: 'es', ext: 'mjs' },
  { format: 'cjs', ext: 'cjs' },
].map(({ format, ext }) => ({
  input: format === 'cjs' ? { ...input, ...nodeInput } : input,
  external,
  plugins: format === 'cjs' ? [resolveCompiled, guardProcess] : [resolveCompiled],
  output: {
    dir: 'dist',
    format,
    entryFileNames: `[name].${ext}`,
    chunkFileNames: `chunks/[name]-[hash].${ext}`,
    exports: 'named',
    // A default import (`import Taro from '@tarojs/taro'`) reads `.default` of an ES module compiled to
    // CommonJS (`__esModule`) and the module itself of plain CommonJS (`module.exports = Taro`).
    interop: 'auto',
  },
}))
