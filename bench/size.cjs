#!/usr/bin/env node
// Size in a user's real Taro build: bench/size/app (React) and bench/size/app-vue (Vue 3)
// built for weapp in production by `taro build` (Taro 4.1.11, the example's and
// example-vue's installs), taro-privacy installed from its packed tarball under
// node_modules; every compiled .js gzip -9, summed, per variant, minus the same app without
// privacy code (`none` for React, `vue-none` for Vue). Then the package's bytes per source
// module. Needs `npm run build`, `npm ci --prefix example` and `npm ci --prefix
// example-vue`. About 12 s per variant on an idle machine.
//   node bench/size.cjs                 # every variant
//   SIZE_VARIANTS=full,vue-full node bench/size.cjs   # (baselines are added)
//   SIZE_KEEP=1 node bench/size.cjs   # keep the builds (their path is printed)
'use strict'

const { VARIANTS, baselinesOf, buildAll, packageSourceMaps } = require('./size/build.cjs')
const { attribute, attributionDelta } = require('./size/attribute.cjs')
const fs = require('node:fs')
const path = require('node:path')

/** The targets of issue 8 (Δ against `none`, gzip bytes; raw for `full`). */
const TARGETS = { full: { gzip: 3500, raw: 10000 }, 'own-ui': { gzip: 2500 }, core: { gzip: 1800 } }

function printFigures(results, tarball) {
  console.log(`Size: ${tarball} installed under node_modules of a minimal Taro 4.1.11 app (bench/size/app, React; bench/size/app-vue, Vue 3), NODE_ENV=production taro build --type weapp`)
  console.log('Every compiled .js gzip -9 (each file alone) and summed; Δ against the same app without privacy code (none, vue-none). Every variant calls Taro.getLocation from an async handler.')
  console.log('')
  console.log('| variant | .js raw B | .js gzip B | Δ raw B | Δ gzip B | target (gzip / raw) | Δ .wxss gzip B | build s |')
  console.log('|---|---:|---:|---:|---:|---|---:|---:|')
  for (const r of results) {
    const target = TARGETS[r.key]
    const verdict = target
      ? `${target.gzip}${target.raw ? ` / ${target.raw}` : ''}: ${r.delta.gzip <= target.gzip && (!target.raw || r.delta.raw <= target.raw) ? 'met' : 'missed'}`
      : '–'
    const base = r.key === r.base
    console.log(`| ${r.key}: ${r.name} | ${r.js.raw} | ${r.js.gzip} | ${base ? '–' : r.delta.raw} | ${base ? '–' : r.delta.gzip} | ${verdict} | ${r.delta.wxssGzip} | ${r.seconds.toFixed(1)} |`)
  }
}

function printAttribution(results, mapsDir, top = 14) {
  const baseModules = {}
  for (const r of results) {
    const base = results.find(({ key }) => key === r.base)
    if (!base || r.key === r.base || r.key === 'popup') continue
    baseModules[base.key] ??= attribute(base.out)
    const rows = attributionDelta(attribute(r.out, { mapsDir }), baseModules[base.key])
    const ownRaw = rows.filter(({ key }) => key.startsWith('taro-privacy ')).reduce((sum, { raw }) => sum + raw, 0)
    console.log(`\n${r.key}: where the Δ raw bytes are (source maps; modules the baseline lacks also with their gzip alone; taro-privacy's own modules ${ownRaw} B)`)
    console.log('')
    console.log('| module | Δ raw B | gzip alone B |')
    console.log('|---|---:|---:|')
    for (const row of rows.slice(0, top)) console.log(`| ${row.key} | ${row.raw} | ${row.gzip ?? 'shared'} |`)
    const rest = rows.slice(top)
    if (rest.length) console.log(`| ${rest.length} more | ${rest.reduce((sum, { raw }) => sum + raw, 0)} | |`)
  }
}

async function main() {
  const keys = process.env.SIZE_VARIANTS ? process.env.SIZE_VARIANTS.split(',') : VARIANTS.map(({ key }) => key)
  const { dirs, tarball, results } = buildAll([...baselinesOf(keys), ...keys])
  printFigures(results, tarball)
  const dir = Object.values(dirs)[0]
  const mapsDir = await packageSourceMaps(path.join(dir, 'node_modules/taro-privacy'))
  printAttribution(results, path.join(mapsDir, 'dist'))
  fs.rmSync(mapsDir, { recursive: true, force: true })
  const folders = Object.values(dirs)
  if (process.env.SIZE_KEEP) console.log(`\nBuilds kept in ${folders.join(', ')} (SIZE_KEEP).`)
  else for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true })
  const missed = results.filter(({ key, delta }) => TARGETS[key] && (delta.gzip > TARGETS[key].gzip || delta.raw > (TARGETS[key].raw ?? Infinity)))
  return { results, missed }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}

module.exports = { main, TARGETS }
