// tsc has already compiled src/ to .build/ (JS) and dist/types (declarations);
// rollup only bundles each entry into ESM and CJS with shared chunks.
import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

const external = (id) => /^(react|react-dom|@tarojs\/)/.test(id)

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

const input = {
  index: '.build/index.js',
  core: '.build/core/index.js',
  testing: '.build/testing/index.js',
  plugin: '.build/plugin/index.js',
}

export default [
  { format: 'es', ext: 'mjs' },
  { format: 'cjs', ext: 'cjs' },
].map(({ format, ext }) => ({
  input,
  external,
  plugins: format === 'cjs' ? [resolveCompiled, guardProcess] : [resolveCompiled],
  output: {
    dir: 'dist',
    format,
    entryFileNames: `[name].${ext}`,
    chunkFileNames: `chunks/[name]-[hash].${ext}`,
    exports: 'named',
  },
}))
