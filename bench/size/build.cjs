// Builds the bench's minimal Taro apps for weapp in production through `taro build`, once
// per variant, with taro-privacy installed from its packed tarball under node_modules (the
// path decides that Taro's babel compiles it to the app's browserslist). The React app
// (bench/size/app) links the other packages from the example's install (Taro 4.1.11,
// React 18), the Vue app (bench/size/app-vue) from example-vue's (Taro 4.1.11, Vue 3).
'use strict'

const { execFileSync, spawnSync } = require('node:child_process')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const zlib = require('node:zlib')

const ROOT = path.resolve(__dirname, '../..')

/** The apps: their source, and the install whose packages (and Taro CLI) they build with. */
const APPS = {
  react: { source: path.join(__dirname, 'app'), modules: path.join(ROOT, 'example/node_modules'), install: 'npm ci --prefix example' },
  vue: { source: path.join(__dirname, 'app-vue'), modules: path.join(ROOT, 'example-vue/node_modules'), install: 'npm ci --prefix example-vue' },
}

/**
 * The variants, in print order; each Δ is taken against its app's baseline (`base`): `none`
 * for the React app, `vue-none` for the Vue app.
 */
const VARIANTS = [
  { key: 'none', app: 'react', base: 'none', name: 'no privacy code (baseline)' },
  { key: 'popup', app: 'react', base: 'none', name: 'a plain hand-written popup (61 lines, for scale; it has the usual bugs)' },
  { key: 'full', app: 'react', base: 'none', name: 'PrivacyProvider + PrivacyModalPortal + await usePrivacyGate().require()' },
  { key: 'own-ui', app: 'react', base: 'none', name: 'PrivacyProvider + usePrivacyGate + PrivacyAgreeButton, the app’s own UI' },
  { key: 'core', app: 'react', base: 'none', name: 'taro-privacy/core alone: createPrivacyStore + createMiniProgramAdapter(wx)' },
  { key: 'vue-none', app: 'vue', base: 'vue-none', name: 'Vue 3 app, no privacy code (the Vue baseline)' },
  { key: 'vue-full', app: 'vue', base: 'vue-none', name: 'Vue: createPrivacy() + createPrivacyPortal() + await usePrivacyGate().require()' },
  { key: 'vue-own-ui', app: 'vue', base: 'vue-none', name: 'Vue: createPrivacy() + usePrivacyGate + PrivacyAgreeButton, the app’s own UI' },
]

/** The baselines' keys, for adding them to a selection of variants. */
const baselinesOf = (keys) => [...new Set(VARIANTS.filter(({ key }) => keys.includes(key)).map(({ base }) => base))]

const taroOf = (app) => path.join(APPS[app].modules, '@tarojs/cli/bin/taro')

function checkInputs(app) {
  const missing = [
    ['dist/index.mjs', 'npm run build'],
    [path.relative(ROOT, taroOf(app)), APPS[app].install],
  ].filter(([file]) => !fs.existsSync(path.join(ROOT, file)))
  if (missing.length) throw new Error(`size: ${missing.map(([file, fix]) => `${file} is missing (${fix})`).join('; ')}`)
}

/** `npm pack` of the repo (its dist/ as built), in a temporary folder: { tarball, cleanup }. */
function pack() {
  const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'taro-privacy-pack-'))
  const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', packDir], { cwd: ROOT, encoding: 'utf8' }))
  return { tarball: path.join(packDir, path.basename(filename)), cleanup: () => fs.rmSync(packDir, { recursive: true, force: true }) }
}

/** The tarball unpacked into <dir>/node_modules/taro-privacy. */
function installTarball(dir, tarball) {
  const target = path.join(dir, 'node_modules/taro-privacy')
  fs.mkdirSync(target, { recursive: true })
  execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'])
}

/**
 * A build folder for `app` ('react' or 'vue'): the app, its example's packages linked in,
 * the tarball (packed now, or the one given) unpacked.
 */
function prepare(app = 'react', packed) {
  checkInputs(app)
  const { source, modules: exampleModules } = APPS[app]
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `taro-privacy-size-${app}-`))
  fs.cpSync(source, dir, { recursive: true })
  const modules = path.join(dir, 'node_modules')
  fs.mkdirSync(modules)
  for (const name of fs.readdirSync(exampleModules)) {
    if (name !== 'taro-privacy') fs.symlinkSync(path.join(exampleModules, name), path.join(modules, name))
  }
  const own = packed ?? pack()
  installTarball(dir, own.tarball)
  if (!packed) own.cleanup()
  return { dir, tarball: path.basename(own.tarball) }
}

function build(dir, variant, app = 'react') {
  const started = Date.now()
  const result = spawnSync(process.execPath, [taroOf(app), 'build', '--type', 'weapp'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production', SIZE_VARIANT: variant, TARO_ENV: 'weapp' },
  })
  const out = path.join(dir, 'dist', variant)
  if (result.status !== 0 || !fs.existsSync(path.join(out, 'app.js'))) {
    throw new Error(`taro build of variant "${variant}" failed:\n${result.stdout}\n${result.stderr}`)
  }
  return { out, seconds: (Date.now() - started) / 1000 }
}

function filesOf(dir, extension) {
  return fs
    .readdirSync(dir, { recursive: true })
    .filter((file) => file.endsWith(extension))
    .map((file) => path.join(dir, file))
}

/** Raw and gzip -9 bytes of every file with that extension, each gzipped alone, summed. */
function bytesOf(dir, extension) {
  let raw = 0
  let gzip = 0
  for (const file of filesOf(dir, extension)) {
    const content = fs.readFileSync(file)
    raw += content.length
    gzip += zlib.gzipSync(content, { level: 9 }).length
  }
  return { raw, gzip }
}

/**
 * Builds every variant (or those named), one build folder per app, all from one tarball;
 * returns their figures, where they are (`dirs`, by app) and the tarball's name.
 */
function buildAll(keys = VARIANTS.map(({ key }) => key)) {
  const selected = VARIANTS.filter(({ key }) => keys.includes(key))
  const packed = pack()
  const dirs = {}
  const results = []
  try {
    for (const variant of selected) {
      dirs[variant.app] ??= prepare(variant.app, packed).dir
      const { out, seconds } = build(dirs[variant.app], variant.key, variant.app)
      results.push({ ...variant, out, seconds, js: bytesOf(out, '.js'), wxss: bytesOf(out, '.wxss') })
    }
  } finally {
    packed.cleanup()
  }
  for (const result of results) {
    const base = results.find(({ key }) => key === result.base)
    if (!base) continue
    result.delta = {
      raw: result.js.raw - base.js.raw,
      gzip: result.js.gzip - base.js.gzip,
      wxssRaw: result.wxss.raw - base.wxss.raw,
      wxssGzip: result.wxss.gzip - base.wxss.gzip,
    }
  }
  return { dirs, tarball: path.basename(packed.tarball), results }
}

module.exports = { VARIANTS, baselinesOf, buildAll, filesOf, prepare, build, bytesOf }

/**
 * The package's ESM build again with source maps (rollup.config.mjs, same code), into a
 * temporary folder, so the attribution can trace dist/*.mjs back to src/. Checks the code
 * is the code that was packed.
 */
async function packageSourceMaps(installed) {
  const { rollup } = require('rollup')
  const configs = (await import(path.join(ROOT, 'rollup.config.mjs'))).default
  const esm = configs.find((config) => config.output.format === 'es')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taro-privacy-maps-'))
  const cwd = process.cwd()
  process.chdir(ROOT)
  try {
    const bundle = await rollup({ ...esm, onwarn() {} })
    const { output } = await bundle.write({ ...esm.output, dir: path.join(dir, 'dist'), sourcemap: 'hidden' })
    await bundle.close()
    for (const chunk of output) {
      if (chunk.type !== 'chunk') continue
      const packed = fs.readFileSync(path.join(installed, 'dist', chunk.fileName), 'utf8')
      if (packed !== chunk.code) throw new Error(`size: dist/${chunk.fileName} differs from the rollup build with source maps`)
    }
  } finally {
    process.chdir(cwd)
  }
  return dir
}

module.exports.packageSourceMaps = packageSourceMaps
