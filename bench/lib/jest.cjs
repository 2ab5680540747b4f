// Runs some of the repo's jest tests with an env var naming a JSON file they fill in,
// and returns what they wrote (the tests are the single source of the counted figures).
'use strict'

const { spawnSync } = require('node:child_process')
const { existsSync, mkdtempSync, readFileSync } = require('node:fs')
const { tmpdir } = require('node:os')
const path = require('node:path')

const ROOT = path.resolve(__dirname, '../..')

function runJestFor(files, outputs) {
  const dir = mkdtempSync(path.join(tmpdir(), 'taro-privacy-bench-'))
  const env = { ...process.env }
  for (const name of Object.keys(outputs)) env[name] = path.join(dir, `${name}.json`)
  const result = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--silent', ...files], { cwd: ROOT, encoding: 'utf8', env })
  const data = {}
  for (const name of Object.keys(outputs)) {
    const file = env[name]
    data[outputs[name]] = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined
  }
  return { passed: result.status === 0, output: `${result.stdout}\n${result.stderr}`, data }
}

module.exports = { runJestFor }
