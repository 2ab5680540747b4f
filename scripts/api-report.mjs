// The API report (issue 15): one etc/api/<entry>.api.md per public entry point, written by
// @microsoft/api-extractor from the built declarations (run after `npm run build`).
//
//   node scripts/api-report.mjs           check: fails when a report differs from the checked-in
//                                          one (prints the diff) or an entry has none
//   node scripts/api-report.mjs --local   update: rewrites etc/api/*.api.md
//
// Entry points and their declaration files come from one place: package.json "exports", the
// "types" condition of each entry (see declarationFile below). Shared settings: api-extractor.json.
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CompilerState, Extractor, ExtractorConfig } from '@microsoft/api-extractor'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const configPath = join(root, 'api-extractor.json')
const packageJsonPath = join(root, 'package.json')
const reportFolder = join(root, 'etc', 'api')
const local = process.argv.includes('--local')

const packageJson = JSON.parse(readFileSync(packageJsonPath, 'utf8'))

// The declaration file of an export: its "types" condition, also when the types sit under
// "import"/"require" (a .d.mts/.d.cts layout: the "import" one is reported).
function declarationFile(target) {
  if (typeof target === 'string') return /\.d\.[cm]?ts$/.test(target) ? target : undefined
  if (!target || typeof target !== 'object') return undefined
  for (const condition of ['types', 'import', 'require', 'default']) {
    const found = declarationFile(target[condition])
    if (found) return found
  }
  return undefined
}

// '.' -> index, './core' -> core, './testing/weapp' -> testing-weapp
const reportName = (entry) => (entry === '.' ? 'index' : entry.slice(2).replaceAll('/', '-'))

const importPath = (entry) => packageJson.name + entry.slice(1)

const entries = Object.entries(packageJson.exports)
  .filter(([entry]) => entry !== './package.json')
  .map(([entry, target]) => ({ entry, name: reportName(entry), dts: declarationFile(target) }))

const fail = (message) => {
  console.error(`api-report: ${message}`)
  process.exitCode = 1
}

for (const { entry, dts } of entries) {
  if (!dts) fail(`package.json exports["${entry}"] has no "types" declaration file.`)
  else if (!existsSync(join(root, dts))) fail(`${dts} (exports["${entry}"]) does not exist: run \`npm run build\` first.`)
}
if (process.exitCode) process.exit()

// Reports of entry points that are gone.
const names = new Set(entries.map((e) => e.name))
for (const file of existsSync(reportFolder) ? readdirSync(reportFolder) : []) {
  if (!file.endsWith('.api.md') || names.has(file.slice(0, -'.api.md'.length))) continue
  if (local) {
    rmSync(join(reportFolder, file))
    console.log(`api-report: removed etc/api/${file} (no such entry point in package.json exports)`)
  } else {
    fail(`etc/api/${file} belongs to no entry point in package.json exports: run \`npm run api:update\`.`)
  }
}

const base = ExtractorConfig.loadFile(configPath)
const prepare = ({ name, dts }) =>
  ExtractorConfig.prepare({
    configObject: {
      ...base,
      mainEntryPointFilePath: join(root, dts),
      apiReport: { ...base.apiReport, reportFileName: name },
    },
    configObjectFullPath: configPath,
    packageJsonFullPath: packageJsonPath,
    packageJson,
  })

const configs = entries.map((e) => ({ ...e, config: prepare(e) }))
// One TypeScript program for all the entry points.
const compilerState = CompilerState.create(configs[0].config, {
  additionalEntryPoints: configs.map((c) => c.config.mainEntryPointFilePath),
})

// Messages about the report itself (missing, changed, its diff) are summed up below; any other
// warning or error printed on the console (a compiler error, a message not written into the
// report) fails the check too.
const REPORT_MESSAGES = new Set([
  'console-api-report-not-copied',
  'console-api-report-copied',
  'console-api-report-created',
  'console-api-report-diff',
])

const changed = []
const missing = []
for (const { entry, name, config } of configs) {
  const report = relative(root, join(reportFolder, `${name}.api.md`))
  if (!existsSync(join(root, report))) missing.push(report)
  let problems = 0
  const result = Extractor.invoke(config, {
    localBuild: local,
    compilerState,
    printApiReportDiff: !local,
    showVerboseMessages: false,
    messageCallback(message) {
      // "Analysis will use the bundled TypeScript version", and (check) "Please copy the file
      // ...": the summary below says what to do.
      if (message.messageId === 'console-preamble' || message.messageId === 'console-api-report-not-copied') {
        message.handled = true
      } else if ((message.logLevel === 'error' || message.logLevel === 'warning') && !REPORT_MESSAGES.has(message.messageId)) {
        problems++
      }
    },
  })
  if (result.apiReportChanged && !missing.includes(report)) changed.push(report)
  if (result.errorCount > 0 || problems > 0) {
    fail(`${importPath(entry)} (${report}): ${result.errorCount} error(s), ${problems} warning(s) above.`)
  }
}

const update = 'run `npm run build && npm run api:update` and commit etc/api/ with the change.'
if (local) {
  const written = [...missing, ...changed]
  console.log(written.length ? `api-report: wrote ${written.join(', ')}` : 'api-report: every report is up to date.')
} else if (changed.length || missing.length) {
  if (missing.length) fail(`no checked-in report for ${missing.join(', ')}: ${update}`)
  if (changed.length) fail(`the public API differs from ${changed.join(', ')} (diff above). If that is intended, ${update}`)
} else if (!process.exitCode) {
  console.log(`api-report: ${configs.length} reports up to date (etc/api/).`)
}
