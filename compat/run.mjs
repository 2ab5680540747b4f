#!/usr/bin/env node
// The Taro version × runner matrix: packs the repository (`npm pack`, after `npm run build`),
// installs each entry of matrix.json into .cache/<name>/ (cached by its lockfile), puts the
// tarball into that node_modules, copies the entry's app beside it (`app`: a folder of compat/,
// default app/, the React app; app-vue/ is the Vue 3 one), typechecks it (`typecheck`: the
// harness's `tsc` by default, `vue-tsc` for Vue) and builds it for the entry's platforms, then
// runs the e2e suites on the builds. A typecheck or build whose inputs (the package, the app
// folder, the typecheck command, the lockfile) are unchanged since its last success is not redone.
//
//   node compat/run.mjs                       every entry
//   COMPAT_VERSIONS=taro-4.2.1 node compat/run.mjs   some entries (comma-separated names)
//   node compat/run.mjs --no-test             install and build only
//
// Another version: versions/<name>/ (package.json, its lockfile, .npmrc if it needs one), an
// entry in matrix.json, and e2e/weapp/<name>.test.js, e2e/h5/<name>.test.js naming it.
// A Vue 3 entry: `"app": "app-vue", "typecheck": "vue-tsc"` (and its versions/<name>/ installs
// @tarojs/plugin-framework-vue3, vue, vue-loader).
// An entry's `withoutPlugin` platforms are also built without taro-privacy/plugin
// (TARO_PRIVACY_PLUGIN=off → dist/<platform>-without-plugin), for the build tests to compare.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const compat = path.dirname(fileURLToPath(import.meta.url))
const repo = path.dirname(compat)
const cache = path.join(compat, '.cache')
const APP_FILES = ['config', 'src', 'types', 'babel.config.js', 'tsconfig.json']
const STAMP = '.compat-lockfile-sha1'
const STAMPS = '.compat-stamps'

const matrix = JSON.parse(fs.readFileSync(path.join(compat, 'matrix.json'), 'utf8'))
const only = process.env.COMPAT_VERSIONS?.split(',').filter(Boolean)
if (only) {
  const unknown = only.filter((name) => !matrix.some((entry) => entry.name === name))
  if (unknown.length) throw new Error(`COMPAT_VERSIONS names ${unknown.join(', ')}; matrix.json has ${matrix.map((e) => e.name).join(', ')}`)
}
const entries = matrix.filter((entry) => !only || only.includes(entry.name))
const timings = []

function run(command, args, options = {}) {
  execFileSync(command, args, { stdio: 'inherit', ...options, env: { ...process.env, ...options.env } })
}

function timed(label, work) {
  const start = Date.now()
  work()
  const seconds = (Date.now() - start) / 1000
  timings.push([label, seconds])
  console.log(`compat: ${label} ${seconds.toFixed(1)} s`)
}

function sha1(file) {
  return createHash('sha1').update(fs.readFileSync(file)).digest('hex')
}

/** One hash of every file under `dir` (paths and contents), but those `ignore` names (paths under `dir`, or folders ending in `/`). */
function treeHash(dir, ignore = []) {
  const hash = createHash('sha1')
  const files = fs
    .readdirSync(dir, { recursive: true })
    .filter((file) => !ignore.some((name) => file === name || (name.endsWith('/') && file.startsWith(name))))
    .filter((file) => fs.statSync(path.join(dir, file)).isFile())
  for (const file of files.sort()) hash.update(`${file}\0`).update(fs.readFileSync(path.join(dir, file)))
  return hash.digest('hex')
}

/** Runs `work` unless it last succeeded with the same `inputs`, as recorded in `stamp`. */
function unlessUpToDate(stamp, inputs, label, work) {
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === inputs) return console.log(`compat: ${label} up to date`)
  fs.rmSync(stamp, { force: true })
  work()
  fs.mkdirSync(path.dirname(stamp), { recursive: true })
  fs.writeFileSync(stamp, inputs)
}

/**
 * `npm ci` (or `npm install` where a lockfile cannot be installed by `npm ci`, see
 * matrix.json) unless node_modules was installed from this very lockfile.
 */
function install(dir, command, label) {
  const stamp = path.join(dir, 'node_modules', STAMP)
  const lock = sha1(path.join(dir, 'package-lock.json'))
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === lock) return console.log(`compat: ${label} installed (cached)`)
  timed(`install ${label}`, () => run('npm', [command, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir }))
  fs.writeFileSync(stamp, lock)
}

function pack() {
  fs.mkdirSync(cache, { recursive: true })
  if (!fs.existsSync(path.join(repo, 'dist', 'index.mjs'))) throw new Error('no dist/: run `npm run build` first')
  const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', cache], { cwd: repo, encoding: 'utf8' }).trim()
  return path.join(cache, name.split('\n').pop())
}

/** The tarball into node_modules/taro-privacy, as `npm install <tarball>` would (the package has no dependencies). */
function installTarball(dir, tarball) {
  const target = path.join(dir, 'node_modules', 'taro-privacy')
  fs.rmSync(target, { recursive: true, force: true })
  fs.mkdirSync(target, { recursive: true })
  run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'])
}

function copyApp(app, dir) {
  for (const file of APP_FILES) fs.rmSync(path.join(dir, file), { recursive: true, force: true })
  for (const file of APP_FILES) fs.cpSync(path.join(app, file), path.join(dir, file), { recursive: true })
}

function prepare(entry, tarball) {
  const dir = path.join(cache, entry.name)
  fs.mkdirSync(dir, { recursive: true })
  for (const file of ['package.json', 'package-lock.json', '.npmrc']) {
    const source = path.join(compat, 'versions', entry.name, file)
    if (fs.existsSync(source)) fs.copyFileSync(source, path.join(dir, file))
  }
  install(dir, entry.install ?? 'ci', entry.name)
  installTarball(dir, tarball)
  const app = path.join(compat, entry.app ?? 'app')
  const checker = entry.typecheck ?? 'tsc'
  copyApp(app, dir)
  const lockfile = path.join(compat, 'versions', entry.name, 'package-lock.json')
  // The package as installed, but its docs: a README or docs/ edit rebuilds nothing.
  const docs = ['README.md', 'README.zh-CN.md', 'CHANGELOG.md', 'LICENSE', 'docs/']
  const packageHash = treeHash(path.join(dir, 'node_modules', 'taro-privacy'), docs)
  const inputs = [packageHash, treeHash(app), sha1(lockfile)].join('\n')
  const typecheck = `${entry.name} typecheck`
  // The typecheck's stamp also names the checker: another checker checks again.
  unlessUpToDate(path.join(dir, STAMPS, 'typecheck'), `${inputs}\n${checker}`, typecheck, () =>
    timed(typecheck, () => run(path.join(compat, 'node_modules', '.bin', checker), ['--noEmit', '-p', dir])),
  )
  const builds = [
    ...entry.platforms.map((platform) => [platform, platform, 'on']),
    ...(entry.withoutPlugin ?? []).map((platform) => [platform, `${platform}-without-plugin`, 'off']),
  ]
  for (const [platform, output, plugin] of builds) {
    // The stamp lives in the output, so a deleted build is built again.
    const build = `${entry.name} build ${output}`
    unlessUpToDate(path.join(dir, 'dist', output, STAMPS), inputs, build, () =>
      timed(build, () => {
        // A build that writes nothing must not find the last one's output.
        fs.rmSync(path.join(dir, 'dist', output), { recursive: true, force: true })
        run(path.join(dir, 'node_modules', '.bin', 'taro'), ['build', '--type', platform], { cwd: dir, env: { TARO_PRIVACY_PLUGIN: plugin } })
        // Taro exits 0 when its config check fails (it prints the errors and builds nothing).
        const built = path.join(dir, 'dist', output, platform === 'h5' ? 'index.html' : 'app.json')
        if (!fs.existsSync(built)) throw new Error(`${build}: taro exited 0 but wrote no ${built}`)
      }),
    )
  }
}

install(compat, 'ci', 'compat harness')
const tarball = pack()
for (const entry of entries) prepare(entry, tarball)
if (!process.argv.includes('--no-test')) {
  timed('e2e', () =>
    run(path.join(compat, 'node_modules', '.bin', 'jest'), ['--config', path.join(compat, 'e2e', 'jest.config.js')], {
      env: { COMPAT_VERSIONS: entries.map((entry) => entry.name).join(',') },
    }),
  )
}
console.log(timings.map(([label, seconds]) => `  ${label.padEnd(36)} ${seconds.toFixed(1).padStart(6)} s`).join('\n'))
