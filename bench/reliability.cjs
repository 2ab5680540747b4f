#!/usr/bin/env node
// Issue 5, part 5: prints the counts of the randomized interleaving tests
// (__tests__/reliability/interleavings*.test.ts*), and the first broken invariant if any.
'use strict'

const { runJestFor } = require('./lib/jest.cjs')

function main() {
  const { passed, output, data } = runJestFor(
    ['__tests__/reliability/interleavings.test.ts', '__tests__/reliability/interleavings.react.test.tsx', '__tests__/reliability/interleavings.vue.test.ts'],
    { BENCH_RELIABILITY_OUT: 'core', BENCH_RELIABILITY_REACT_OUT: 'react', BENCH_RELIABILITY_VUE_OUT: 'vue' },
  )
  if (!data.core && !data.react && !data.vue) {
    console.log(output)
    throw new Error('the randomized tests wrote no counts')
  }
  console.log('\nRandomized interleavings (seeded; PRIVACY_SEED to change, PRIVACY_RUN_SEED to replay one run)')
  for (const [name, counts] of Object.entries(data)) {
    if (!counts) continue
    const { seed, failure, ...figures } = counts
    const list = (table) => Object.entries(table).map(([key, value]) => `${key} ${value}`).join(', ')
    const totals = Object.fromEntries(Object.entries(figures).filter(([, value]) => typeof value !== 'object'))
    const title = { core: 'core store + simulator', react: 'React, StrictMode', vue: 'Vue apps (@vue/test-utils)' }[name]
    console.log(`\n${title} (seed ${seed}):`)
    console.log(`  ${list(totals)}`)
    const tables = { byAction: 'actions', byPlatform: 'platforms', byLatency: 'simulator latencies', checkModes: 'getPrivacySetting behaviours', byUi: 'consent UIs', decisions: 'decisions (reason:event)', requireRejections: 'require() rejections' }
    for (const [key, label] of Object.entries(tables)) if (figures[key]) console.log(`  ${label}: ${list(figures[key])}`)
    if (failure) console.log(`  FAILED:\n${failure.split('\n').slice(0, 12).map((line) => `    ${line}`).join('\n')}`)
  }
  console.log(`\nInvariants over all runs: ${passed ? 'ok' : 'BROKEN (see above)'}`)
  if (!passed) process.exitCode = 1
  return data
}

if (require.main === module) main()

module.exports = { main }
