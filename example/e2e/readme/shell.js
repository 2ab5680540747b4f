// What a fresh app needs from the machine: commands run to completion, files written, the packed package.
const { spawnSync } = require('node:child_process')
const { mkdirSync, writeFileSync } = require('node:fs')
const path = require('node:path')

const ROOT = path.resolve(__dirname, '../../..')

/** Runs a command to completion; returns its stdout and stderr together (jest reports on stderr). */
function run(command, args, cwd, env = {}) {
  const { status, stdout, stderr, error } = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true', ...env } })
  if (error || status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}${error ?? ''}`)
  return `${stdout}\n${stderr}`
}

/** Writes `files` ([path, content] pairs) under `app`. */
function writeFiles(app, files) {
  for (const [file, content] of files) {
    mkdirSync(path.dirname(path.join(app, file)), { recursive: true })
    writeFileSync(path.join(app, file), content)
  }
}

/** `npm pack` of this repository (its built dist/) into `app`; returns the tarball's file name. */
function packInto(app) {
  const [{ filename }] = JSON.parse(run('npm', ['pack', '--json', '--silent', '--pack-destination', app], ROOT).trim())
  return filename
}

const pick = (names, from) => Object.fromEntries(names.map((name) => [name, from[name]]))

module.exports = { ROOT, run, writeFiles, packInto, pick }
