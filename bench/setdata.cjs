#!/usr/bin/env node
// setData traffic on compiled weapp pages (miniprogram-simulate, through the example's
// e2e harness):
//   1. the example's pages/clipboard/index (issue 5, part 3): needs the example built
//      against this package: npm --prefix example ci && npm run example:weapp
//   2. the bench app's one-button page and 200-item-list page (issue 8, part 4): this
//      script builds it (bench/size/app, variant "setdata", production weapp build).
// The measuring code is bench/setdata/*.bench.js (jest + jsdom); this prints the tables.
// Exits non-zero if a budget or ceiling asserted there is missed.
'use strict'

const { spawnSync } = require('node:child_process')
const { existsSync, mkdtempSync, readFileSync, rmSync } = require('node:fs')
const { tmpdir } = require('node:os')
const path = require('node:path')
const { prepare, build } = require('./size/build.cjs')

const ROOT = path.resolve(__dirname, '..')

function printTable(title, figures) {
  console.log(`\n${title}`)
  console.log('')
  console.log('| situation | setData calls | setData bytes | |')
  console.log('|---|---:|---:|---|')
  for (const [situation, figure] of Object.entries(figures)) {
    const extra = Object.entries(figure)
      .filter(([key]) => !['calls', 'bytes'].includes(key))
      .map(([key, value]) => `${key} ${value}`)
      .join(', ')
    console.log(`| ${situation} | ${figure.calls} | ${figure.bytes} | ${extra} |`)
  }
}

function main() {
  const missing = [
    ['example/node_modules/miniprogram-simulate', 'npm --prefix example ci'],
    ['dist/testing.cjs', 'npm run build'],
  ].filter(([file]) => !existsSync(path.join(ROOT, file)))
  if (missing.length) {
    console.log(`\nsetData traffic: skipped (${missing.map(([file, fix]) => `${file} missing: ${fix}`).join('; ')})`)
    return { skipped: true }
  }
  const withExample = existsSync(path.join(ROOT, 'example/dist/weapp/app.js'))
  const { dir } = prepare()
  const app = build(dir, 'setdata').out
  const outDir = mkdtempSync(path.join(tmpdir(), 'taro-privacy-bench-'))
  const out = { example: path.join(outDir, 'example.json'), pages: path.join(outDir, 'pages.json') }
  const files = [...(withExample ? ['setdata.bench.js'] : []), 'pages.bench.js']
  const jest = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--config', 'bench/setdata/jest.config.cjs', '--silent', ...files], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SETDATA_OUT: out.example, SETDATA_PAGES_OUT: out.pages, SETDATA_APP_DIST: app },
  })
  if (!existsSync(out.pages)) {
    console.log(jest.stdout, jest.stderr)
    throw new Error('the setData benchmark did not run')
  }
  if (withExample && existsSync(out.example)) {
    const { page, exampleBuiltAt, figures } = JSON.parse(readFileSync(out.example, 'utf8'))
    printTable(`setData traffic of the example's ${page} (compiled weapp example built ${exampleBuiltAt}, miniprogram-simulate)`, figures)
  } else console.log('\nsetData traffic of the example: skipped (example/dist/weapp missing: npm run example:weapp)')
  printTable('setData traffic in the bench app (production weapp build, PrivacyProvider + PrivacyModalPortal; target: ≤ 900 B to show, ≤ 200 B to hide)', JSON.parse(readFileSync(out.pages, 'utf8')))
  for (const folder of [dir, outDir]) rmSync(folder, { recursive: true, force: true })
  if (jest.status !== 0) {
    console.log(jest.stderr.split('\n').filter((line) => /✕|●|Expected|Received/.test(line)).join('\n'))
    console.log('\nsetData budgets: MISSED (see above)')
    process.exitCode = 1
  } else console.log('\nsetData budgets: ok')
}

if (require.main === module) main()

module.exports = { main }
