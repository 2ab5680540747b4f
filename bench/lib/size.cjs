// Measures what an app's bundler keeps of taro-privacy, minified and gzipped.
//
// Each scenario is a tiny app entry that imports part of the package, bundled from the
// published build (dist/*.mjs) the way a Taro weapp build sees it:
//   - `process.env.TARO_ENV` replaced by 'weapp' and `process.env.NODE_ENV` by
//     'production' (Taro's webpack DefinePlugin does the same),
//   - react, react-dom and @tarojs/* external (the app ships them anyway),
//   - tree-shaken by rollup, minified by terser (compress + mangle, no comments),
//   - gzipped with node:zlib at level 9.
// The entry re-exports what it imports, so nothing the app uses is shaken away.
// Deterministic: same dist in, same bytes out.
'use strict'

const { existsSync } = require('node:fs')
const path = require('node:path')
const zlib = require('node:zlib')
const { rollup } = require('rollup')
const { minify } = require('terser')

const ROOT = path.resolve(__dirname, '../..')
/** The build measured: the repo's dist/ (or SIZE_DIST, to compare an experimental build). */
const DIST = process.env.SIZE_DIST ? path.resolve(process.env.SIZE_DIST) : path.join(ROOT, 'dist')

/** The scenarios of issue 5, part 1, with their budgets (gzipped bytes). */
const SCENARIOS = [
  {
    key: 'a',
    name: 'everything (provider, hooks, button, modal, adapters)',
    budget: 4096,
    entry: `export * from 'taro-privacy'`,
  },
  {
    key: 'b',
    name: 'provider + hooks only (own UI)',
    budget: 2048,
    entry: `export { PrivacyProvider, usePrivacyGate, usePrivacySelector } from 'taro-privacy'`,
  },
  {
    key: 'c',
    name: 'taro-privacy/core (the whole entry)',
    budget: 1536,
    entry: `export * from 'taro-privacy/core'`,
  },
]

/** Figures printed by the benchmark for context; no budget. */
const EXTRA_SCENARIOS = [
  {
    key: 'c-weapp',
    name: 'taro-privacy/core as a native weapp app uses it (store + mini-program adapter + errors)',
    entry: `export { createPrivacyStore, createMiniProgramAdapter, PrivacyError, toPrivacyError } from 'taro-privacy/core'`,
  },
  {
    key: 'modal',
    name: 'provider + hooks + PrivacyModal (a page renders the prebuilt modal)',
    entry: `export { PrivacyProvider, usePrivacyGate, usePrivacySelector, PrivacyModal } from 'taro-privacy'`,
  },
]

const ENTRY_ID = '\0size-entry'
const DEFINES = {
  'process.env.TARO_ENV': JSON.stringify('weapp'),
  'process.env.NODE_ENV': JSON.stringify('production'),
}

function plugins(entry) {
  return [
    {
      name: 'size-entry',
      resolveId(source) {
        if (source === ENTRY_ID) return ENTRY_ID
        if (source === 'taro-privacy') return path.join(DIST, 'index.mjs')
        if (source === 'taro-privacy/core') return path.join(DIST, 'core.mjs')
        return null
      },
      load(id) {
        return id === ENTRY_ID ? entry : null
      },
    },
    {
      // What DefinePlugin does: replace the literal expressions, not `process` itself.
      name: 'define',
      transform(code) {
        let out = code
        for (const [expression, value] of Object.entries(DEFINES)) out = out.split(expression).join(value)
        return out === code ? null : { code: out, map: null }
      },
    },
  ]
}

const external = (id) => /^(react|react-dom|@tarojs\/)/.test(id) || id === 'react/jsx-runtime'

/** Bundles, minifies and gzips one entry; returns the figures and the minified code. */
async function measure(entry) {
  if (!existsSync(path.join(DIST, 'index.mjs'))) {
    throw new Error(`dist/ is missing: run \`npm run build\` at the repo root first (${DIST}).`)
  }
  const bundle = await rollup({ input: ENTRY_ID, external, plugins: plugins(entry), onwarn() {} })
  const { output } = await bundle.generate({ format: 'es' })
  await bundle.close()
  const bundled = output.map((chunk) => chunk.code ?? '').join('\n')
  const { code } = await minify(bundled, {
    module: true,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  })
  const gzip = zlib.gzipSync(Buffer.from(code), { level: 9 }).length
  return { bundled: Buffer.byteLength(bundled), minified: Buffer.byteLength(code), gzip, code }
}

async function measureAll(scenarios = SCENARIOS) {
  const results = []
  for (const scenario of scenarios) results.push({ ...scenario, ...(await measure(scenario.entry)) })
  return results
}

module.exports = { SCENARIOS, EXTRA_SCENARIOS, DIST, measure, measureAll }
