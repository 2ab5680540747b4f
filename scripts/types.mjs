// Runs after `tsc -p tsconfig.build.json` has written dist/types/**/*.d.ts.
//
// The package has no "type" of module ("type": "commonjs"), so TypeScript reads every .d.ts as
// CommonJS. The `require` condition of each entry points at those files. The `import` condition
// needs declarations TypeScript reads as ES modules, or node16/nodenext users importing the
// package get CommonJS types for an ES module (attw: "Masquerading as CJS"). This writes a .d.mts
// beside every .d.ts, with each relative specifier given the explicit `.mjs` path that ES module
// resolution requires ('./core' -> './core/index.mjs', './store' -> './store.mjs'); TypeScript
// maps `.mjs` to the `.d.mts` beside it. Only the files the ES module entries reach get one
// (the CommonJS-only entries, testing/weapp and testing/jest-preset, need none).
//
// The jest preset is CommonJS only (jest requires it) and its build sets `module.exports = preset`
// (rollup.config.mjs); its declaration says the same with `export =` instead of `export default`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const root = resolve(dirname(new URL(import.meta.url).pathname), '..')
const types = join(root, 'dist/types')

// The declarations of the entries with an `import` condition in package.json: each
// `import.types` (x.d.mts) is written from the x.d.ts beside it.
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const ESM_ENTRIES = Object.values(manifest.exports)
  .map((target) => target?.import?.types)
  .filter((types) => typeof types === 'string')
  .map((types) => {
    if (!types.endsWith('.d.mts')) throw new Error(`package.json: import types ${types} should be a .d.mts`)
    return relative(join(root, 'dist/types'), join(root, types.replace(/\.d\.mts$/, '.d.ts')))
  })

// from '…', import '…', import('…'), export … from '…', import x = require('…') (not emitted here)
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*|\.{1,2})\2/g

function toModuleSpecifier(file, specifier) {
  const base = resolve(dirname(file), specifier)
  if (existsSync(`${base}.d.ts`)) return specifier === '.' || specifier === '..' ? `${specifier}/index.mjs` : `${specifier}.mjs`
  if (existsSync(join(base, 'index.d.ts'))) return `${specifier.replace(/\/$/, '')}/index.mjs`
  throw new Error(`${relative(root, file)}: cannot resolve '${specifier}' to a declaration file`)
}

if (!existsSync(types)) throw new Error('dist/types is missing: run tsc -p tsconfig.build.json first')

const queue = ESM_ENTRIES.map((entry) => join(types, entry))
const done = new Set()
while (queue.length > 0) {
  const file = queue.shift()
  if (done.has(file)) continue
  done.add(file)
  const source = readFileSync(file, 'utf8')
  const esm = source.replace(SPECIFIER, (_, keyword, quote, specifier) => {
    const target = toModuleSpecifier(file, specifier)
    queue.push(resolve(dirname(file), target.replace(/\.mjs$/, '.d.ts')))
    return `${keyword}${quote}${target}${quote}`
  })
  writeFileSync(file.replace(/\.d\.ts$/, '.d.mts'), esm)
}

const presetTypes = join(types, 'testing/jest-preset.d.ts')
const preset = readFileSync(presetTypes, 'utf8')
if (!/^export default preset;$/m.test(preset) && !/^export = preset;$/m.test(preset)) {
  throw new Error(`${relative(root, presetTypes)}: expected "export default preset;" to turn into "export = preset;"`)
}
writeFileSync(presetTypes, preset.replace(/^export default preset;$/m, 'export = preset;'))

console.log(`types: ${done.size} .d.mts declarations beside the .d.ts ones; jest-preset.d.ts uses export =`)
