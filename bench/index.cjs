#!/usr/bin/env node
// `npm run bench`: every figure of issues 5 and 8, printed. Run `npm run build` and
// `npm ci --prefix example` first (and `npm run example:weapp` for the setData figures);
// the size part builds its own Taro app. Exits non-zero when a target or budget is
// missed; every part still runs and prints.
//   node bench/index.cjs size renders setdata scale reliability   # pick parts
'use strict'

const PARTS = {
  size: () => require('./size.cjs').main(),
  renders: () => require('./renders.cjs').main(),
  setdata: () => require('./setdata.cjs').main(),
  scale: () => require('./scale.cjs').main(),
  reliability: () => require('./reliability.cjs').main(),
}

async function main() {
  const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(PARTS)
  let failed = false
  for (const name of chosen) {
    if (!PARTS[name]) throw new Error(`unknown part "${name}"; parts: ${Object.keys(PARTS).join(', ')}`)
    console.log(`\n=== ${name} ===`)
    try {
      const result = await PARTS[name]()
      if (name === 'size' && result.missed.length) failed = true
    } catch (error) {
      failed = true
      console.error(`${name}: ${error.stack ?? error}`)
    }
  }
  if (failed || process.exitCode) process.exitCode = 1
}

main()
