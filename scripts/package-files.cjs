// What a packed taro-privacy must contain, checked on the unpacked tarball (a folder holding
// package.json and the packed files). Used by scripts/check-package.mjs (`npm run check:package`)
// and __tests__/package/. Each check returns readable problems; an empty list means it passes.
const { existsSync, readdirSync, readFileSync, statSync } = require('node:fs')
const { join, posix, relative, sep } = require('node:path')

/** Every file under `dir`, as posix paths relative to it. */
function listFiles(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const file = join(dir, name)
    return statSync(file).isDirectory() ? listFiles(file, base) : [relative(base, file).split(sep).join('/')]
  })
}

/** The package's entry points: main, module, types, every exports target, typesVersions, stubs' main/types. */
function entryPoints(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const entries = []
  const add = (where, target, from = '.') => {
    if (typeof target === 'string') entries.push({ where, file: posix.normalize(posix.join(from, target)) })
  }
  for (const field of ['main', 'module', 'types', 'typings']) add(field, manifest[field])
  const walk = (where, target) => {
    if (typeof target === 'string') add(where, target)
    else if (target && typeof target === 'object') {
      for (const [key, value] of Object.entries(target)) walk(key.startsWith('.') ? `${where}["${key}"]` : `${where}.${key}`, value)
    }
  }
  walk('exports', manifest.exports)
  for (const [range, paths] of Object.entries(manifest.typesVersions ?? {})) {
    for (const [path, targets] of Object.entries(paths)) for (const target of targets) add(`typesVersions.${range}.${path}`, target)
  }
  // folders with a package.json of their own (plugin/): tools that ignore exports resolve through them
  for (const file of listFiles(dir)) {
    if (!file.endsWith('/package.json')) continue
    const stub = JSON.parse(readFileSync(join(dir, file), 'utf8'))
    for (const field of ['main', 'module', 'types', 'typings']) add(`${file}.${field}`, stub[field], posix.dirname(file))
  }
  return entries
}

function checkEntryPoints(dir) {
  const files = new Set(listFiles(dir))
  return entryPoints(dir)
    .filter(({ file }) => !files.has(file))
    .map(({ where, file }) => `entry point ${where} -> ${file} is not in the package`)
}

const TEST_FILE = /(^|\/)(__tests__|__mocks__|e2e|fixtures?|coverage)\/|\.(test|spec)\.[cm]?[jt]sx?$|(^|\/)jest\.config\./

function checkNoTests(dir) {
  return listFiles(dir)
    .filter((file) => TEST_FILE.test(file))
    .map((file) => `test file in the package: ${file}`)
}

/** Source maps: each .map's sources ship (or are inlined), each sourceMappingURL names a shipped map. */
function checkSourceMaps(dir) {
  const files = new Set(listFiles(dir))
  const problems = []
  for (const file of files) {
    if (file.endsWith('.map')) {
      let map
      try {
        map = JSON.parse(readFileSync(join(dir, file), 'utf8'))
      } catch {
        problems.push(`${file} is not a source map (not JSON)`)
        continue
      }
      const sources = map.sources ?? []
      sources.forEach((source, index) => {
        if (map.sourcesContent && typeof map.sourcesContent[index] === 'string') return
        const target = posix.normalize(posix.join(posix.dirname(file), map.sourceRoot ?? '', source))
        if (!files.has(target)) problems.push(`${file} points at ${source} (${target}), which is not in the package`)
      })
    } else if (/\.(c|m)?js$|\.d\.(c|m)?ts$|\.css$/.test(file)) {
      const text = readFileSync(join(dir, file), 'utf8')
      for (const [, url] of text.matchAll(/[#@] sourceMappingURL=(\S+?)(?:\s*\*\/)?\s*$/gm)) {
        if (url.startsWith('data:')) continue
        const target = posix.normalize(posix.join(posix.dirname(file), url))
        if (!files.has(target)) problems.push(`${file} names the source map ${url}, which is not in the package`)
      }
    }
  }
  return problems
}

/** Links and images of a markdown file: [text](target), ![alt](target), <img src>, <a href>. */
function markdownLinks(text) {
  const links = []
  const lines = text.split('\n')
  let fenced = false
  lines.forEach((line, index) => {
    if (/^\s*```/.test(line)) fenced = !fenced
    if (fenced) return
    const code = /`[^`]*`/g
    const prose = line.replace(code, (span) => (/\]\(|\(/.test(span) ? ' '.repeat(span.length) : span))
    for (const match of prose.matchAll(/!?\[(?:[^\]]|\][^(])*?\]\(\s*(?:<([^>]+)>|([^)\s]+))(?:\s+"[^"]*")?\s*\)/g)) {
      links.push({ line: index + 1, target: match[1] ?? match[2] })
    }
    for (const match of prose.matchAll(/<(?:img|a|source)\b[^>]*?\s(?:src|href|srcset)="([^"]+)"/g)) {
      links.push({ line: index + 1, target: match[1] })
    }
  })
  return links
}

/**
 * Every relative link in the shipped markdown names a shipped file (anchors aside), and every
 * link into the package on a CDN (jsDelivr, unpkg) names this package at this version and a
 * shipped file: that is how the README's screenshot shows on the registry's page.
 */
function checkLinks(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const files = new Set(listFiles(dir))
  const problems = []
  const cdn = /^https:\/\/(?:cdn\.jsdelivr\.net\/npm|unpkg\.com)\/((?:@[^/]+\/)?[^/@]+)(?:@([^/]+))?\/([^?#]+)/
  for (const file of files) {
    if (!file.endsWith('.md')) continue
    for (const { line, target } of markdownLinks(readFileSync(join(dir, file), 'utf8'))) {
      const where = `${file}:${line}`
      const packaged = cdn.exec(target)
      if (packaged) {
        const [, name, version, path] = packaged
        if (name !== manifest.name) continue
        if (version !== manifest.version) problems.push(`${where}: ${target} is not this version (${manifest.version})`)
        if (!files.has(path)) problems.push(`${where}: ${target} names ${path}, which is not in the package`)
        continue
      }
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#') || target.startsWith('//')) continue
      const path = decodeURI(target.replace(/[?#].*$/, ''))
      if (path.startsWith('/')) {
        problems.push(`${where}: ${target} is root-relative (it resolves nowhere a user reads the file)`)
        continue
      }
      const resolved = posix.normalize(posix.join(posix.dirname(file), path))
      const isFolder = [...files].some((shipped) => shipped.startsWith(`${resolved.replace(/\/$/, '')}/`))
      if (!files.has(resolved) && !isFolder) problems.push(`${where}: ${target} is not in the package`)
      else if (isFolder && !files.has(resolved)) problems.push(`${where}: ${target} is a folder (a reader of the file cannot open it)`)
    }
  }
  return problems
}

/**
 * CHANGELOG.md ships, keeps an Unreleased section for changes as they land, and has a section
 * for the version being packed (`## [1.2.3] - 2026-01-31`): a version bump without its entry fails.
 */
function checkChangelog(dir) {
  const file = join(dir, 'CHANGELOG.md')
  if (!existsSync(file)) return ['CHANGELOG.md is not in the package']
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const text = readFileSync(file, 'utf8')
  const problems = []
  if (!/^## \[Unreleased\]$/m.test(text)) problems.push('CHANGELOG.md has no "## [Unreleased]" section')
  const escaped = version.replace(/[.+]/g, (c) => `\\${c}`)
  if (!new RegExp(`^## \\[${escaped}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm').test(text)) {
    problems.push(`CHANGELOG.md has no section for ${version} ("## [${version}] - YYYY-MM-DD")`)
  }
  return problems
}

/** All the checks, on an unpacked package folder. */
function checkPackageFiles(dir) {
  if (!existsSync(join(dir, 'package.json'))) return [`${dir} has no package.json`]
  return [...checkEntryPoints(dir), ...checkNoTests(dir), ...checkSourceMaps(dir), ...checkLinks(dir), ...checkChangelog(dir)]
}

module.exports = { checkChangelog, checkEntryPoints, checkLinks, checkNoTests, checkPackageFiles, checkSourceMaps, entryPoints, listFiles, markdownLinks }
