// Builds the bench's minimal Taro app (bench/size/app) for weapp in production through
// `taro build`, once per variant, with taro-privacy installed from its packed tarball
// under node_modules (the path decides that Taro's babel compiles it to the app's
// browserslist). The other packages are the example's install (Taro 4.1.11, React 18),
// linked into the build folder's node_modules.
'use strict'

const { execFileSync, spawnSync } = require('node:child_process')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const zlib = require('node:zlib')

const ROOT = path.resolve(__dirname, '../..')
const APP = path.join(__dirname, 'app')
const EXAMPLE_MODULES = path.join(ROOT, 'example/node_modules')

/** The variants, in print order; `none` is the baseline every Δ is taken against. */
const VARIANTS = [
  { key: 'none', name: 'no privacy code (baseline)' },
  { key: 'popup', name: 'a plain hand-written popup (61 lines, for scale; it has the usual bugs)' },
  { key: 'full', name: 'PrivacyProvider + PrivacyModalPortal + await usePrivacyGate().require()' },
  { key: 'own-ui', name: 'PrivacyProvider + usePrivacyGate + PrivacyAgreeButton, the app’s own UI' },
  { key: 'core', name: 'taro-privacy/core alone: createPrivacyStore + createMiniProgramAdapter(wx)' },
]

function checkInputs() {
  const missing = [
    ['dist/index.mjs', 'npm run build'],
    ['example/node_modules/@tarojs/cli/bin/taro', 'npm ci --prefix example'],
  ].filter(([file]) => !fs.existsSync(path.join(ROOT, file)))
  if (missing.length) throw new Error(`size: ${missing.map(([file, fix]) => `${file} is missing (${fix})`).join('; ')}`)
}

/** `npm pack` of the repo (its dist/ as built), unpacked into <dir>/node_modules/taro-privacy. */
function installTarball(dir) {
  const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'taro-privacy-pack-'))
  const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', packDir], { cwd: ROOT, encoding: 'utf8' }))
  const target = path.join(dir, 'node_modules/taro-privacy')
  fs.mkdirSync(target, { recursive: true })
  execFileSync('tar', ['-xzf', path.join(packDir, path.basename(filename)), '-C', target, '--strip-components=1'])
  fs.rmSync(packDir, { recursive: true, force: true })
  return path.basename(filename)
}

/** A build folder: the app, the example's packages linked in, the tarball unpacked. */
function prepare() {
  checkInputs()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taro-privacy-size-'))
  fs.cpSync(APP, dir, { recursive: true })
  const modules = path.join(dir, 'node_modules')
  fs.mkdirSync(modules)
  for (const name of fs.readdirSync(EXAMPLE_MODULES)) {
    if (name !== 'taro-privacy') fs.symlinkSync(path.join(EXAMPLE_MODULES, name), path.join(modules, name))
  }
  const tarball = installTarball(dir)
  return { dir, tarball }
}

function build(dir, variant) {
  const started = Date.now()
  const taro = path.join(EXAMPLE_MODULES, '@tarojs/cli/bin/taro')
  const result = spawnSync(process.execPath, [taro, 'build', '--type', 'weapp'], {
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

/** Builds every variant (or those named); returns their figures and where they are. */
function buildAll(keys = VARIANTS.map(({ key }) => key)) {
  const { dir, tarball } = prepare()
  const results = []
  for (const variant of VARIANTS.filter(({ key }) => keys.includes(key))) {
    const { out, seconds } = build(dir, variant.key)
    results.push({ ...variant, out, seconds, js: bytesOf(out, '.js'), wxss: bytesOf(out, '.wxss') })
  }
  const base = results.find(({ key }) => key === 'none')
  for (const result of results) {
    if (!base) continue
    result.delta = {
      raw: result.js.raw - base.js.raw,
      gzip: result.js.gzip - base.js.gzip,
      wxssRaw: result.wxss.raw - base.wxss.raw,
      wxssGzip: result.wxss.gzip - base.wxss.gzip,
    }
  }
  return { dir, tarball, results }
}

module.exports = { VARIANTS, buildAll, filesOf, prepare, build, bytesOf }

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
