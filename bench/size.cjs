#!/usr/bin/env node
// Size in a user's real Taro build: bench/size/app built for weapp in production by
// `taro build` (Taro 4.1.11, the example's install), taro-privacy installed from its
// packed tarball under node_modules; every compiled .js gzip -9, summed, per variant,
// minus the app without privacy code. Then the package's bytes per source module.
// Needs `npm run build` and `npm ci --prefix example`. About 12 s per variant.
//   node bench/size.cjs                 # every variant
//   SIZE_VARIANTS=none,full node bench/size.cjs
//   SIZE_KEEP=1 node bench/size.cjs   # keep the builds (their path is printed)
'use strict'

const { VARIANTS, buildAll, packageSourceMaps } = require('./size/build.cjs')
const { attribute, attributionDelta } = require('./size/attribute.cjs')
const fs = require('node:fs')
const path = require('node:path')

/** The targets of issue 8 (Δ against `none`, gzip bytes; raw for `full`). */
const TARGETS = { full: { gzip: 3500, raw: 10000 }, 'own-ui': { gzip: 2500 }, core: { gzip: 1800 } }

function printFigures(results, tarball, dir) {
  console.log(`Size: ${tarball} installed under node_modules of a minimal Taro 4.1.11 app (bench/size/app), NODE_ENV=production taro build --type weapp`)
  console.log('Every compiled .js gzip -9 (each file alone) and summed; Δ against the app without privacy code. Every variant calls Taro.getLocation from an async handler.')
  console.log('')
  console.log('| variant | .js raw B | .js gzip B | Δ raw B | Δ gzip B | target (gzip / raw) | Δ .wxss gzip B | build s |')
  console.log('|---|---:|---:|---:|---:|---|---:|---:|')
  for (const r of results) {
    const target = TARGETS[r.key]
    const verdict = target
      ? `${target.gzip}${target.raw ? ` / ${target.raw}` : ''}: ${r.delta.gzip <= target.gzip && (!target.raw || r.delta.raw <= target.raw) ? 'met' : 'missed'}`
      : '–'
    console.log(`| ${r.key}: ${r.name} | ${r.js.raw} | ${r.js.gzip} | ${r.key === 'none' ? '–' : r.delta.raw} | ${r.key === 'none' ? '–' : r.delta.gzip} | ${verdict} | ${r.delta.wxssGzip} | ${r.seconds.toFixed(1)} |`)
  }
}

function printAttribution(results, mapsDir, top = 14) {
  const base = results.find(({ key }) => key === 'none')
  if (!base) return
  const baseModules = attribute(base.out)
  for (const r of results) {
    if (r.key === 'none' || r.key === 'popup') continue
    const rows = attributionDelta(attribute(r.out, { mapsDir }), baseModules)
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
  const { dir, tarball, results } = buildAll(keys.includes('none') ? keys : ['none', ...keys])
  printFigures(results, tarball, dir)
  const mapsDir = await packageSourceMaps(path.join(dir, 'node_modules/taro-privacy'))
  printAttribution(results, path.join(mapsDir, 'dist'))
  fs.rmSync(mapsDir, { recursive: true, force: true })
  if (process.env.SIZE_KEEP) console.log(`\nBuilds kept in ${dir} (SIZE_KEEP).`)
  else fs.rmSync(dir, { recursive: true, force: true })
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
