const fs = require('node:fs')
const path = require('node:path')

const CACHE = path.resolve(__dirname, '../.cache')
const MATRIX = require('../matrix.json')

/** The matrix entries this run built (COMPAT_VERSIONS, set by run.mjs; all when unset). */
function entries(platform) {
  const only = process.env.COMPAT_VERSIONS?.split(',').filter(Boolean)
  return MATRIX.filter((entry) => (!only || only.includes(entry.name)) && (!platform || entry.platforms.includes(platform)))
}

function entryNamed(name) {
  const entry = MATRIX.find((candidate) => candidate.name === name)
  if (!entry) throw new Error(`no entry ${name} in compat/matrix.json`)
  return entry
}

/**
 * The compiled app of `entry` for `platform` (compat/.cache/<name>/dist/<platform>), or the
 * one built without taro-privacy/plugin (`{ plugin: false }`: dist/<platform>-without-plugin,
 * for the platforms in the entry's `withoutPlugin`).
 */
function distOf(entry, platform, { plugin = true } = {}) {
  const dir = path.join(CACHE, entry.name, 'dist', plugin ? platform : `${platform}-without-plugin`)
  if (!fs.existsSync(path.join(dir, platform === 'h5' ? 'index.html' : 'app.json'))) {
    throw new Error(`no ${platform} build of ${entry.name} in ${dir}: run node compat/run.mjs`)
  }
  return dir
}

/** An entry point of the package as installed for `entry` from the tarball, e.g. `taro-privacy/testing/weapp`. */
function packageEntry(entry, id) {
  return require(require.resolve(id, { paths: [path.join(CACHE, entry.name)] }))
}

/** The entries this run built (see `entries`) that are also built without the plugin for `platform`. */
function entriesWithoutPlugin(platform) {
  return entries(platform).filter((entry) => entry.withoutPlugin?.includes(platform))
}

/** The version of an installed package of `entry`, e.g. `@tarojs/shared` → '3.6.8'. */
function installedVersion(entry, name) {
  return JSON.parse(fs.readFileSync(path.join(CACHE, entry.name, 'node_modules', name, 'package.json'), 'utf8')).version
}

/**
 * `describe(title, body)` when this run built what the suite reads, else a skipped suite whose
 * body is not run (jest runs a skipped suite's body to collect its tests, and the body reads
 * the build).
 */
function describeIfBuilt(built, title, body) {
  if (built) return describe(title, body)
  describe.skip(title, () => test('not built in this run (COMPAT_VERSIONS)', () => {}))
}

/** `describe.each(rows)`, or one skipped suite when `rows` is empty (jest rejects an empty table). */
function describeEach(rows) {
  return rows.length ? describe.each(rows) : (title) => describeIfBuilt(false, title.replace('%s', '(no entry built)'))
}

module.exports = { entries, entriesWithoutPlugin, entryNamed, distOf, installedVersion, packageEntry, describeIfBuilt, describeEach }
