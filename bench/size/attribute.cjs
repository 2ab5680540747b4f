// Attributes the bytes of a compiled Taro build to source modules, from the build's own
// (hidden) source maps: every mapped span of a .js file is charged to the module it came
// from. Spans from taro-privacy's dist files are traced one step further, through the
// source maps of the package's rollup build, to the module under src/.
'use strict'

const fs = require('node:fs')
const path = require('node:path')
const zlib = require('node:zlib')

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const DIGIT = Object.fromEntries([...BASE64].map((char, index) => [char, index]))

/** Decodes a source map's `mappings` into lines of [generatedColumn, source, line, column] (absolute). */
function decodeMappings(mappings) {
  const lines = []
  let source = 0
  let line = 0
  let column = 0
  let name = 0
  for (const text of mappings.split(';')) {
    const segments = []
    let generated = 0
    for (const segment of text.split(',')) {
      if (!segment) continue
      const values = []
      let value = 0
      let shift = 0
      for (const char of segment) {
        const digit = DIGIT[char]
        value += (digit & 31) << shift
        if (digit & 32) shift += 5
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1)
          value = 0
          shift = 0
        }
      }
      generated += values[0]
      if (values.length >= 4) {
        source += values[1]
        line += values[2]
        column += values[3]
        if (values.length === 5) name += values[4]
        segments.push([generated, source, line, column])
      } else segments.push([generated, -1, 0, 0])
    }
    lines.push(segments)
  }
  return lines
}

/** The segment of `lines` that covers generated (line, column), or undefined. */
function lookup(lines, line, column) {
  const segments = lines[line]
  if (!segments) return undefined
  let found
  for (const segment of segments) {
    if (segment[0] > column) break
    found = segment
  }
  return found
}

/** A module's name that is the same in every variant's build. */
function moduleKey(source) {
  const flat = source.replace(/^webpack:\/\/[^/]*\//, '').replace(/[?#].*$/, '')
  const modules = flat.lastIndexOf('node_modules')
  if (modules >= 0) return flat.slice(modules + 'node_modules'.length + 1).replace(/_/g, '/').replace(/^@babel\/runtime\/helpers\/esm\//, '@babel/runtime/helpers/')
  return `app: ${flat.replace(/_/g, '/').replace(/^\.?\/*(variants\/[^/]+\/)?/, '')}`
}

/**
 * Maps each of taro-privacy's dist files (by its path inside the package) to a resolver
 * `(line, column) => 'src/…'`, from the rollup source maps in `mapsDir`.
 */
function packageResolvers(mapsDir) {
  const resolvers = {}
  if (!mapsDir) return resolvers
  for (const file of fs.readdirSync(mapsDir, { recursive: true })) {
    if (!file.endsWith('.mjs.map')) continue
    const map = JSON.parse(fs.readFileSync(path.join(mapsDir, file), 'utf8'))
    const lines = decodeMappings(map.mappings)
    const sources = map.sources.map((source) => {
      const built = path.resolve(path.dirname(path.join(mapsDir, file)), source)
      const at = built.lastIndexOf(`${path.sep}.build${path.sep}`)
      return at >= 0 ? `src/${built.slice(at + 8).replace(/\.js$/, '')}` : source
    })
    resolvers[`dist/${file.replace(/\.map$/, '')}`] = (line, column) => {
      const segment = lookup(lines, line, column)
      return segment && segment[1] >= 0 ? sources[segment[1]] : '(unmapped)'
    }
  }
  return resolvers
}

/** Which taro-privacy dist file a module key names (e.g. `taro-privacy/dist/chunks/index-65a47b94.mjs`). */
function packageFile(key) {
  const match = /^taro-privacy\/(dist\/.+\.mjs)$/.exec(key)
  return match ? match[1] : null
}

/** Bytes per module in every .js of `outDir` (raw bytes, and the module's text gzipped alone). */
function attribute(outDir, { mapsDir } = {}) {
  const resolvers = packageResolvers(mapsDir)
  const texts = new Map()
  const charge = (key, text) => texts.set(key, (texts.get(key) ?? '') + text)
  for (const file of fs.readdirSync(outDir, { recursive: true })) {
    if (!file.endsWith('.js')) continue
    const code = fs.readFileSync(path.join(outDir, file), 'utf8').split('\n')
    const mapFile = path.join(outDir, `${file}.map`)
    if (!fs.existsSync(mapFile)) {
      charge('(no source map)', code.join('\n'))
      continue
    }
    const map = JSON.parse(fs.readFileSync(mapFile, 'utf8'))
    const keys = map.sources.map(moduleKey)
    const lines = decodeMappings(map.mappings)
    code.forEach((text, lineIndex) => {
      const segments = lines[lineIndex] ?? []
      if (!segments.length || segments[0][0] > 0) charge('(unmapped)', text.slice(0, segments[0]?.[0] ?? text.length))
      segments.forEach((segment, index) => {
        const span = text.slice(segment[0], segments[index + 1]?.[0] ?? text.length)
        let key = segment[1] >= 0 ? keys[segment[1]] : '(unmapped)'
        const distFile = packageFile(key)
        if (distFile && resolvers[distFile]) key = `taro-privacy ${resolvers[distFile](segment[2], segment[3])}`
        charge(key, span)
      })
    })
  }
  const modules = {}
  for (const [key, text] of texts) {
    modules[key] = { raw: Buffer.byteLength(text), gzip: zlib.gzipSync(text, { level: 9 }).length }
  }
  return modules
}

/** What `variant` adds over `base`, per module (modules whose bytes grew), largest first. */
function attributionDelta(variant, base) {
  return Object.entries(variant)
    .map(([key, { raw, gzip }]) => ({ key, raw: raw - (base[key]?.raw ?? 0), gzip: base[key] ? null : gzip }))
    .filter(({ raw }) => raw > 0)
    .sort((a, b) => b.raw - a.raw)
}

module.exports = { attribute, attributionDelta, decodeMappings }
