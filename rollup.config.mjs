// tsc has already compiled src/ to .build/ (JS) and dist/types (declarations);
// rollup only bundles each entry into ESM and CJS with shared chunks.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, resolve } from 'node:path'

const external = (id) => /^(react|react-dom|vue|@tarojs\/|miniprogram-simulate$|node:)/.test(id)

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

// The modal's stylesheet, src/ui/modal.css: shipped as dist/modal.css and imported by the
// ESM build of the React and Vue entries, so app bundlers put it in the build (package.json marks
// *.css as side effects). The CJS build (node, jest) does not import it. (A chunk of its
// own for the modal keeps the stylesheet out of apps with their own UI, but costs those
// and the full setup more JS in Taro's build than the stylesheet weighs: bench/size.cjs.)
const importModalStylesheet = (chunk) => (chunk.isEntry && (chunk.name === 'index' || chunk.name === 'vue') ? "import './modal.css';" : '')
const modalStylesheet = {
  name: 'modal-stylesheet',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'modal.css', source: readFileSync(resolve('src/ui/modal.css'), 'utf8') })
  },
}

const input = {
  index: '.build/index.js',
  core: '.build/core.js',
  vue: '.build/vue.js',
  testing: '.build/testing/index.js',
  plugin: '.build/plugin/index.js',
}

// Entries that only run under node/jest (CommonJS only): the weapp harness and the jest preset's doubles.
const nodeInput = {
  'testing/weapp': '.build/testing/weapp/index.js',
  'testing/jest/taro': '.build/testing/jest/taro.js',
  'testing/jest/components': '.build/testing/jest/components.js',
  'testing/jest/components-react': '.build/testing/jest/components-react.js',
  'testing/jest/style': '.build/testing/jest/style.js',
}

const bundles = [
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

// The jest preset (CommonJS only: jest requires it) sets `module.exports = preset`, as its
// declaration says (`export =`, scripts/types.mjs), so `require()` and `import` both get the preset
// itself (an `exports.default` would be the preset only to loaders that honour `__esModule`).
// TypeScript also lets node16 ESM code import the preset's fields by name; node finds a CommonJS
// module's names with cjs-module-lexer, which cannot see the fields of `module.exports = preset`,
// so the build names them in the form the lexer reads and that never runs (as esbuild annotates
// CommonJS for node): `0 && (module.exports = { testEnvironment, … })`.
const annotateExports = {
  name: 'annotate-cjs-exports',
  renderChunk(code) {
    const module = { exports: {} }
    new Function('module', 'exports', 'require', '__dirname', code)(module, module.exports, createRequire(import.meta.url), 'dist/testing')
    const names = Object.keys(module.exports)
    if (names.length === 0 || names.some((name) => !/^[A-Za-z_$][\w$]*$/.test(name))) {
      throw new Error(`jest preset: cannot name its fields for node (${names.join(', ')})`)
    }
    return { code: `${code}\n// node's names for ESM imports (never runs)\n0 && (module.exports = { ${names.join(', ')} });\n`, map: null }
  },
}
const jestPreset = {
  input: { 'testing/jest-preset': '.build/testing/jest-preset.js' },
  external,
  plugins: [resolveCompiled, guardProcess, annotateExports],
  output: { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', exports: 'default' },
}

export default [...bundles, jestPreset]
