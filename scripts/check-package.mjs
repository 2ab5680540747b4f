// `npm run check:package` (after `npm run build`): the release check, on the packed tarball as
// users get it.
//   1. `npm pack`, then unpack the tarball into a temporary folder;
//   2. its files (scripts/package-files.cjs): every entry point present, no tests, no source map
//      pointing at a missing file, no link in the shipped markdown to a file the tarball lacks,
//      a CHANGELOG.md with an Unreleased section and one for this version;
//   3. publint on the tarball, warnings counted as errors (--strict);
//   4. @arethetypeswrong/cli on the tarball: every entry point under node10, node16 from CJS and
//      from ESM, and bundler resolution, with no problem.
// Exits 1 on any problem, after running every step.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const { checkPackageFiles, listFiles } = require('./package-files.cjs')

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const work = mkdtempSync(join(tmpdir(), 'taro-privacy-check-'))
const bin = (name) => join(root, 'node_modules/.bin', name)
let failed = false

function step(title, run) {
  console.log(`\n== ${title}`)
  const ok = run()
  console.log(ok ? 'ok' : 'FAILED')
  if (!ok) failed = true
}

try {
  const [{ filename }] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }),
  )
  const tarball = join(work, filename)
  execFileSync('tar', ['-xzf', tarball, '-C', work])
  const unpacked = join(work, 'package')
  console.log(`packed ${filename}: ${listFiles(unpacked).length} files`)

  step('files of the tarball (entry points, no tests, source maps, markdown links, changelog)', () => {
    const problems = checkPackageFiles(unpacked)
    for (const problem of problems) console.log(`  ${problem}`)
    return problems.length === 0
  })

  step('publint --strict', () => {
    const result = spawnSync(bin('publint'), ['run', '--strict', tarball], { encoding: 'utf8' })
    const output = `${result.stdout}${result.stderr}`
    process.stdout.write(output)
    // --strict fails on warnings; a suggestion is reported too and counts here as well
    return result.status === 0 && !/^(Errors|Warnings|Suggestions):/m.test(output)
  })

  step('@arethetypeswrong/cli', () => {
    // the package ships its own types: no @types package to look up on the registry
    const result = spawnSync(bin('attw'), ['--no-definitely-typed', '--format', 'ascii', '--no-emoji', '--no-color', tarball], {
      encoding: 'utf8',
    })
    process.stdout.write(`${result.stdout}${result.stderr}`)
    return result.status === 0
  })
} finally {
  rmSync(work, { recursive: true, force: true })
}

console.log(failed ? '\ncheck:package: FAILED' : '\ncheck:package: the tarball is ready to publish')
process.exit(failed ? 1 : 0)
