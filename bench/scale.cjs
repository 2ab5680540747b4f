#!/usr/bin/env node
// Issue 5, part 4: enqueue and release N = 1k, 10k, 100k intercepted calls through the
// core store and the platform simulator (dist/core.cjs, dist/testing.cjs; run
// `npm run build` first). Prints time per request and t(10N)/t(N), which should stay
// near 10 (linear). Each measurement runs in its own process (clean heap, and a hard
// time limit: a quadratic queue at 100k would otherwise run for many minutes).
//
//   node bench/scale.cjs                 # N = 1000, 10000, 100000
//   SCALE_TIMEOUT_S=300 node bench/scale.cjs
//   SCALE_NS=1000,2000,4000 node bench/scale.cjs
'use strict'

const { spawnSync } = require('node:child_process')
const path = require('node:path')

const DIST = process.env.SIZE_DIST ? path.resolve(process.env.SIZE_DIST) : path.resolve(__dirname, '../dist')
const NS = (process.env.SCALE_NS ?? '1000,10000,100000').split(',').map(Number)
const TIMEOUT_S = Number(process.env.SCALE_TIMEOUT_S ?? 60)
const APIS = ['getLocation', 'chooseMedia', 'getClipboardData', 'chooseImage', 'saveImageToPhotosAlbum']

/** One measurement, in this process: N calls intercepted and pending, then one agree tap. */
function measureOnce(n, subscriber, warmUp = true) {
  // A short unmeasured round first, so small N is not timed in the interpreter.
  if (warmUp) measureOnce(Math.min(n, 2000), subscriber, false)
  const { createPrivacyStore, createMiniProgramAdapter } = require(path.join(DIST, 'core.cjs'))
  const { createPrivacySimulator } = require(path.join(DIST, 'testing.cjs'))
  const sim = createPrivacySimulator({ latency: 0 })
  const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
  store.mount()
  // A consent UI on screen (PrivacyModal attaches one), so exposure is reported as in an app.
  if (typeof store.attachUI === 'function') store.attachUI()
  // Like React's useSyncExternalStore: every notification reads the snapshot.
  let reads = 0
  if (subscriber) store.subscribe(() => void (reads += store.getState().pending.length > 0 ? 1 : 0))
  let success = 0
  const options = { success: () => void success++ }
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < n; i++) sim.call(APIS[i % APIS.length], options)
  const t1 = process.hrtime.bigint()
  const pending = store.getState().pending.length
  sim.tapAgreeButton('agree')
  store.handleAgreeEvent('agree')
  const t2 = process.hrtime.bigint()
  if (pending !== n || success !== n || sim.violations.length) {
    throw new Error(`N=${n}: ${pending} pending, ${success} released, violations ${sim.violations.slice(0, 3)}`)
  }
  return { n, enqueueMs: Number(t1 - t0) / 1e6, releaseMs: Number(t2 - t1) / 1e6, totalMs: Number(t2 - t0) / 1e6, reads }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** Runs `measureOnce` in a child process with a time limit; the median of `repeats` runs. */
function measure(n, subscriber, repeats) {
  const runs = []
  for (let i = 0; i < repeats; i++) {
    const child = spawnSync(process.execPath, ['--max-old-space-size=4096', __filename, '--one', String(n), subscriber ? 'sub' : 'none'], {
      encoding: 'utf8',
      timeout: TIMEOUT_S * 1000,
      env: process.env,
    })
    if (child.error?.code === 'ETIMEDOUT' || child.signal) return { n, timedOut: true }
    if (child.status !== 0) throw new Error(child.stderr || `exit ${child.status}`)
    runs.push(JSON.parse(child.stdout.trim().split('\n').pop()))
  }
  const pick = (key) => median(runs.map((run) => run[key]))
  return { n, enqueueMs: pick('enqueueMs'), releaseMs: pick('releaseMs'), totalMs: pick('totalMs'), repeats }
}

function format(ms) {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)
}

function run(subscriber) {
  const label = subscriber ? 'with one subscriber reading the snapshot on every change (as React does)' : 'store only'
  console.log(`\nScale (${label}): N intercepted calls pending, then one agree tap releases them all`)
  console.log('')
  console.log('| N | enqueue ms | release ms | total ms | µs / request | t(N) / t(N/10) |')
  console.log('|---:|---:|---:|---:|---:|---:|')
  const results = []
  for (const n of NS) {
    const previous = results[results.length - 1]
    const result = measure(n, subscriber, n >= 100_000 ? 1 : n >= 10_000 ? 3 : 5)
    results.push(result)
    if (result.timedOut) {
      const ratio = previous && !previous.timedOut ? `> ${format((TIMEOUT_S * 1000) / previous.totalMs)}` : '–'
      console.log(`| ${n} | – | – | > ${TIMEOUT_S * 1000} (stopped) | > ${format((TIMEOUT_S * 1e6) / n)} | ${ratio} |`)
      continue
    }
    const ratio = previous && !previous.timedOut && previous.n * 10 === n ? format(result.totalMs / previous.totalMs) : '–'
    console.log(
      `| ${n} | ${format(result.enqueueMs)} | ${format(result.releaseMs)} | ${format(result.totalMs)} | ${format((result.totalMs * 1000) / n)} | ${ratio} |`,
    )
  }
  return results
}

function main() {
  console.log(`Scale benchmark on ${DIST} (Node ${process.version}; medians of 5/3/1 runs for 1k/10k/100k; limit ${TIMEOUT_S} s per run)`)
  const storeOnly = run(false)
  const withSubscriber = process.env.SCALE_SKIP_SUBSCRIBER ? [] : run(true)
  console.log('\nLinear means t(10N)/t(N) ≈ 10; a queue that copies or rescans all pending requests on each arrival gives ≈ 100.')
  return { storeOnly, withSubscriber }
}

if (process.argv[2] === '--one') {
  const result = measureOnce(Number(process.argv[3]), process.argv[4] === 'sub')
  process.stdout.write(`${JSON.stringify(result)}\n`)
} else if (require.main === module) {
  main()
}

module.exports = { main, measureOnce }
