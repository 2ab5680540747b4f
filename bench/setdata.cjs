#!/usr/bin/env node
// Issue 5, part 3: prints the setData calls and bytes of a page of the compiled weapp
// example (miniprogram-simulate). Needs the example built against this package:
//   npm --prefix example ci && npm run example:weapp
// The measuring code is bench/setdata/setdata.bench.js (jest + jsdom, like the example's
// e2e tests); this script runs it and prints the table. Exits non-zero if a budget
// ((a) 0 consent nodes and 0 setData when nothing is pending, (b) at most 2 setData
// calls to show the UI for 50 calls in one tick) is missed.
'use strict'

const { spawnSync } = require('node:child_process')
const { existsSync, mkdtempSync, readFileSync } = require('node:fs')
const { tmpdir } = require('node:os')
const path = require('node:path')

const ROOT = path.resolve(__dirname, '..')

function main() {
  const missing = [
    ['example/dist/weapp/app.js', 'npm run example:weapp'],
    ['example/node_modules/miniprogram-simulate', 'npm --prefix example ci'],
    ['dist/testing.cjs', 'npm run build'],
  ].filter(([file]) => !existsSync(path.join(ROOT, file)))
  if (missing.length) {
    console.log(`\nsetData traffic: skipped (${missing.map(([file, fix]) => `${file} missing: ${fix}`).join('; ')})`)
    return { skipped: true }
  }
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'taro-privacy-bench-')), 'setdata.json')
  const jest = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--config', 'bench/setdata/jest.config.cjs', '--silent'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SETDATA_OUT: out },
  })
  if (!existsSync(out)) {
    console.log(jest.stdout, jest.stderr)
    throw new Error('the setData benchmark did not run')
  }
  const { page, exampleBuiltAt, figures } = JSON.parse(readFileSync(out, 'utf8'))
  console.log(`\nsetData traffic of ${page} (compiled weapp example built ${exampleBuiltAt}, miniprogram-simulate)`)
  console.log('')
  console.log('| situation | setData calls | setData bytes | consent-UI nodes in page data | |')
  console.log('|---|---:|---:|---:|---|')
  for (const [situation, figure] of Object.entries(figures)) {
    const extra = Object.entries(figure)
      .filter(([key]) => !['calls', 'bytes', 'consentNodes'].includes(key))
      .map(([key, value]) => `${key} ${value}`)
      .join(', ')
    console.log(`| ${situation} | ${figure.calls} | ${figure.bytes} | ${figure.consentNodes} | ${extra} |`)
  }
  if (jest.status !== 0) {
    console.log(jest.stderr.split('\n').filter((line) => /✕|●|Expected|Received/.test(line)).join('\n'))
    console.log('\nsetData budgets: MISSED (see above)')
    process.exitCode = 1
  } else console.log('\nsetData budgets: ok')
  return { page, figures }
}

if (require.main === module) main()

module.exports = { main }
