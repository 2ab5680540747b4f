#!/usr/bin/env node
// Issue 5, part 1: prints min + gzip bytes of what a weapp build keeps of taro-privacy.
// Run `npm run build` first. Budgets are also tests: __tests__/budgets/size.test.ts.
'use strict'

const { SCENARIOS, EXTRA_SCENARIOS, DIST, measureAll } = require('./lib/size.cjs')

async function main() {
  const results = await measureAll([...SCENARIOS, ...EXTRA_SCENARIOS])
  console.log(`Size: rollup (TARO_ENV=weapp, NODE_ENV=production, react/@tarojs external) + terser + gzip -9, from ${DIST}`)
  console.log('')
  console.log('| scenario | bundled B | min B | min+gzip B | budget B | |')
  console.log('|---|---:|---:|---:|---:|---|')
  for (const r of results) {
    const verdict = r.budget === undefined ? '' : r.gzip <= r.budget ? 'ok' : `OVER by ${r.gzip - r.budget} B`
    console.log(`| (${r.key}) ${r.name} | ${r.bundled} | ${r.minified} | ${r.gzip} | ${r.budget ?? '–'} | ${verdict} |`)
  }
  console.log('')
  console.log('Reference: a typical hand-copied Taro privacy popup (component + wrapper) is about 1300 B gzipped.')
  return results
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}

module.exports = { main }
