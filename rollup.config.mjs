// tsc has already compiled src/ to .build/ (JS) and dist/types (declarations);
// rollup only bundles each entry into ESM and CJS with shared chunks.
import { existsSync, readFileSync } from 'node:fs'
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
// native mini-program copying dist/core.cjs), so there each test checks first.
const DEV_TEST = "process.env.NODE_ENV !== 'production'"
const guardProcess = {
  name: 'guard-process',
  transform(code) {
    if (!code.includes(DEV_TEST)) return null
    return { code: code.split(DEV_TEST).join(`(typeof process !== 'undefined' && ${DEV_TEST})`), map: null }
  },
}

// The modal's stylesheet, src/react/modal.css: shipped as dist/modal.css and imported by the
// ESM build of the React entry, so app bundlers put it in the build (package.json marks
// *.css as side effects). The CJS build (node, jest) does not import it. (A chunk of its
// own for the modal keeps the stylesheet out of apps with their own UI, but costs those
// and the full setup more JS in Taro's build than the stylesheet weighs: bench/size.cjs.)
const importModalStylesheet = (chunk) => (chunk.isEntry && chunk.name === 'index' ? "import './modal.css';" : '')
const modalStylesheet = {
  name: 'modal-stylesheet',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'modal.css', source: readFileSync(resolve('src/react/modal.css'), 'utf8') })
  },
}

const input = {
  index: '.build/index.js',
  core: '.build/core.js',
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
  plugins: format === 'cjs' ? [resolveCompiled, guardProcess] : [resolveCompiled, modalStylesheet],
  output: {
    dir: 'dist',
    format,
    entryFileNames: `[name].${ext}`,
    chunkFileNames: `chunks/[name]-[hash].${ext}`,
    exports: 'named',
    banner: format === 'es' ? importModalStylesheet : undefined,
    // A default import (`import Taro from '@tarojs/taro'`) reads `.default` of an ES module compiled to
    // CommonJS (`__esModule`) and the module itself of plain CommonJS (`module.exports = Taro`).
    interop: 'auto',
  },
}))
