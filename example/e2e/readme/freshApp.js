// A fresh Taro app outside the repository, as a user makes one: the package comes from its
// packed tarball, the app's files and tests from README.md, verbatim.
const { spawnSync } = require('node:child_process')
const { mkdirSync, mkdtempSync, readFileSync, writeFileSync } = require('node:fs')
const { tmpdir } = require('node:os')
const path = require('node:path')

const ROOT = path.resolve(__dirname, '../../..')
const example = require('../../package.json')

/**
 * The README's files: every code block whose first line is just `// <path>` (e.g.
 * `// src/app.test.tsx`), from `markdown`, as a map path → content.
 */
function filesIn(markdown) {
  const files = new Map()
  for (const [, code] of markdown.matchAll(/^```[^\n]*\n([\s\S]*?)^```$/gm)) {
    const first = code.split('\n', 1)[0].match(/^\/\/ ([\w./-]+\.[cm]?[jt]sx?)$/)
    if (first) files.set(first[1], code)
  }
  return files
}

/** The README section from `heading` up to the next heading of the same or a higher level. */
function section(markdown, heading) {
  const start = markdown.indexOf(`\n${heading}\n`)
  if (start < 0) throw new Error(`README.md has no "${heading}"`)
  const level = heading.match(/^#+/)[0].length
  const rest = markdown.slice(start + heading.length + 2)
  const end = rest.search(new RegExp(`^#{1,${level}} `, 'm'))
  return end < 0 ? rest : rest.slice(0, end)
}

/** The packages of the section's `npm install --save-dev …` line, as devDependencies. */
function devDependenciesIn(markdown) {
  const line = markdown.match(/^npm install --save-dev (.+)$/m)
  if (!line) throw new Error('the README section has no `npm install --save-dev` line')
  return Object.fromEntries(
    line[1].split(/\s+/).map((spec) => {
      const at = spec.lastIndexOf('@')
      return at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, '*']
    }),
  )
}

// What `taro init` (React, TypeScript, webpack5) would write; it cannot run offline.
const SCAFFOLD = {
  'babel.config.js': "module.exports = { presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]] }\n",
  'project.config.json': JSON.stringify({ miniprogramRoot: 'dist/', projectname: 'readme-app', appid: 'touristappid', compileType: 'miniprogram' }),
  'config/index.ts': `import { defineConfig } from '@tarojs/cli'

export default defineConfig<'webpack5'>({
  projectName: 'readme-app',
  date: '2025-1-1',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: 'dist',
  plugins: [],
  framework: 'react',
  compiler: { type: 'webpack5', prebundle: { enable: false } },
  cache: { enable: false },
  logger: { quiet: true, stats: false },
  mini: {},
})
`,
  'tsconfig.json': JSON.stringify({
    compilerOptions: { target: 'es2018', module: 'esnext', moduleResolution: 'bundler', jsx: 'react-jsx', strict: true, skipLibCheck: true, esModuleInterop: true, noEmit: true },
    include: ['src', 'types'],
  }),
  'types/global.d.ts': '/// <reference types="@tarojs/taro" />\n',
  'src/app.config.ts': "export default defineAppConfig({ pages: ['pages/index/index'], window: { navigationBarTitleText: 'readme-app' } })\n",
  'src/pages/index/index.config.ts': "export default definePageConfig({ navigationBarTitleText: '首页' })\n",
}

/** The Taro packages a React weapp app needs, at the example's versions (so the npm cache has them). */
const TARO_DEPENDENCIES = ['@babel/runtime', '@tarojs/components', '@tarojs/helper', '@tarojs/plugin-framework-react', '@tarojs/plugin-platform-weapp', '@tarojs/react', '@tarojs/runtime', '@tarojs/shared', '@tarojs/taro', 'react', 'react-dom']
const TARO_DEV_DEPENDENCIES = ['@babel/core', '@babel/preset-react', '@tarojs/cli', '@tarojs/webpack5-runner', '@types/react', 'babel-preset-taro', 'postcss', 'react-refresh', 'typescript', 'webpack']

const pick = (names, from) => Object.fromEntries(names.map((name) => [name, from[name]]))

/** Runs a command to completion; returns its stdout and stderr together (jest reports on stderr). */
function run(command, args, cwd) {
  const { status, stdout, stderr, error } = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } })
  if (error || status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}${error ?? ''}`)
  return `${stdout}\n${stderr}`
}

/** A section's `// src/…` files that are the app (not its tests). */
function appFiles(markdown) {
  return [...filesIn(markdown)].filter(([file]) => file.startsWith('src/') && !file.includes('.test.'))
}

function writeFiles(app, files) {
  for (const [file, content] of files) {
    mkdirSync(path.dirname(path.join(app, file)), { recursive: true })
    writeFileSync(path.join(app, file), content)
  }
}

/**
 * Creates the app under os.tmpdir(): the scaffold, the tarball of this repository (`npm
 * pack` of the built dist/) and the dev dependencies of `testSection`'s install line;
 * installs (npm cache first).
 */
function createFreshApp(testSection) {
  const app = mkdtempSync(path.join(tmpdir(), 'taro-privacy-readme-'))
  const [{ filename }] = JSON.parse(run('npm', ['pack', '--json', '--silent', '--pack-destination', app], ROOT).trim())
  writeFileSync(
    path.join(app, 'package.json'),
    JSON.stringify(
      {
        name: 'readme-app',
        private: true,
        browserslist: example.browserslist,
        dependencies: { ...pick(TARO_DEPENDENCIES, example.dependencies), 'taro-privacy': `file:./${filename}` },
        devDependencies: { ...pick(TARO_DEV_DEPENDENCIES, example.devDependencies), ...devDependenciesIn(testSection) },
      },
      null,
      2,
    ),
  )
  writeFiles(app, Object.entries(SCAFFOLD))
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], app)
  return app
}

/**
 * Follows one language's README: its quick start's files and its testing section's files
 * (jest config, tests) go into the app, which is type-checked (strict) and built for
 * weapp; then jest runs. Returns the files used and jest's report.
 */
function followReadme(app, quickStartSection, testSection) {
  const quickStart = appFiles(quickStartSection)
  const tests = [...filesIn(testSection)]
  writeFiles(app, [...quickStart, ...tests])
  run(process.execPath, [path.join(app, 'node_modules/typescript/bin/tsc'), '-p', '.'], app)
  run('npx', ['taro', 'build', '--type', 'weapp'], app)
  const report = run(process.execPath, [path.join(app, 'node_modules/jest/bin/jest.js'), '--ci', '--colors=false'], app)
  return { files: [...quickStart, ...tests].map(([file]) => file), report }
}

module.exports = { createFreshApp, followReadme, section, filesIn, ROOT }
