#!/usr/bin/env node
// Issue 5, part 2: prints how many of 200 usePrivacySelector components re-render on each
// state change. The counting is the test __tests__/budgets/renders.test.tsx (it asserts
// that exactly the components whose slice changed re-render); this prints its figures.
'use strict'

const { runJestFor } = require('./lib/jest.cjs')

function main() {
  const { passed, output, data } = runJestFor(['__tests__/budgets/renders.test.tsx'], { BENCH_RENDERS_OUT: 'renders' })
  const { renders } = data
  if (!renders) {
    console.log(output)
    throw new Error('the render-count test wrote no figures')
  }
  console.log(`\nRenders: ${renders.components} components, each reading one slice with usePrivacySelector (${renders.kinds} kinds of slice), StrictMode`)
  console.log('')
  console.log('| state change | fields changed | components whose slice changed | components re-rendered |')
  console.log('|---|---|---:|---:|')
  for (const figure of renders.figures) {
    console.log(`| ${figure.step} | ${figure.changedFields.join(', ') || '–'} | ${figure.expected} | ${figure.rerendered} |`)
  }
  console.log(`\nRender budget (re-rendered = slice changed, for every change): ${passed ? 'ok' : 'MISSED'}`)
  if (!passed) process.exitCode = 1
  return renders
}

if (require.main === module) main()

module.exports = { main }
