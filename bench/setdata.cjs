#!/usr/bin/env node
// setData traffic on compiled weapp pages (miniprogram-simulate, through the example's
// e2e harness):
//   1. the example's pages/clipboard/index (issue 5, part 3): needs the example built
//      against this package: npm --prefix example ci && npm run example:weapp
//   2. the bench apps' one-button page and 200-item-list page (issue 8, part 4): this
//      script builds them (variant "setdata" of bench/size/app and, when example-vue is
//      installed, of bench/size/app-vue; production weapp builds).
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
  const withVue = existsSync(path.join(ROOT, 'example-vue/node_modules/@tarojs/cli/bin/taro'))
  const { dir } = prepare()
  const vue = withVue ? prepare('vue') : null
  const apps = [{ app: 'React', dist: build(dir, 'setdata').out }, ...(vue ? [{ app: 'Vue', dist: build(vue.dir, 'vue-setdata', 'vue').out }] : [])]
  const outDir = mkdtempSync(path.join(tmpdir(), 'taro-privacy-bench-'))
  const example = path.join(outDir, 'example.json')
  // One jest process per app: two compiled apps do not share a jsdom.
  const runs = apps.map(({ app, dist }, index) => {
    const pages = path.join(outDir, `pages-${app}.json`)
    const files = [...(withExample && index === 0 ? ['setdata.bench.js'] : []), 'pages.bench.js']
    const jest = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--config', 'bench/setdata/jest.config.cjs', '--silent', ...files], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, SETDATA_OUT: example, SETDATA_PAGES_OUT: pages, SETDATA_APP_DIST: dist, SETDATA_APP: app },
    })
    if (!existsSync(pages)) {
      console.log(jest.stdout, jest.stderr)
      throw new Error(`the setData benchmark did not run (${app})`)
    }
    return { app, jest, figures: JSON.parse(readFileSync(pages, 'utf8')) }
  })
  if (withExample && existsSync(example)) {
    const { page, exampleBuiltAt, figures } = JSON.parse(readFileSync(example, 'utf8'))
    printTable(`setData traffic of the example's ${page} (compiled weapp example built ${exampleBuiltAt}, miniprogram-simulate)`, figures)
  } else console.log('\nsetData traffic of the example: skipped (example/dist/weapp missing: npm run example:weapp)')
  const titles = {
    React: 'setData traffic in the bench app (production weapp build, PrivacyProvider + PrivacyModalPortal; target: ≤ 900 B to show, ≤ 200 B to hide)',
    Vue: 'setData traffic in the Vue bench app (production weapp build, createPrivacy() + createPrivacyPortal(); ≤ 200 B to hide; showing has the ceilings of pages.bench.js)',
  }
  for (const { app, figures } of runs) printTable(titles[app], figures)
  if (!vue) console.log('\nsetData traffic in the Vue bench app: skipped (npm ci --prefix example-vue)')
  for (const folder of [dir, vue && vue.dir, outDir]) if (folder) rmSync(folder, { recursive: true, force: true })
  const failed = runs.filter(({ jest }) => jest.status !== 0)
  if (failed.length) {
    for (const { jest } of failed) console.log(jest.stderr.split('\n').filter((line) => /✕|●|Expected|Received/.test(line)).join('\n'))
    console.log(`\nsetData budgets: MISSED (${failed.map(({ app }) => app).join(', ')}; see above)`)
    process.exitCode = 1
  } else console.log('\nsetData budgets: ok')
}

if (require.main === module) main()

module.exports = { main }
