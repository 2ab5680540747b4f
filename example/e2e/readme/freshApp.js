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
  'src/app.config.ts': "export default defineAppConfig({ pages: ['pages/index/index'], window: { navigationBarTitleText: 'readme-app' } })\n",
  'src/pages/index/index.config.ts': "export default definePageConfig({ navigationBarTitleText: '首页' })\n",
}

/** The Taro packages a React weapp app needs, at the example's versions (so the npm cache has them). */
const TARO_DEPENDENCIES = ['@babel/runtime', '@tarojs/components', '@tarojs/helper', '@tarojs/plugin-framework-react', '@tarojs/plugin-platform-weapp', '@tarojs/react', '@tarojs/runtime', '@tarojs/shared', '@tarojs/taro', 'react', 'react-dom']
const TARO_DEV_DEPENDENCIES = ['@babel/core', '@babel/preset-react', '@tarojs/cli', '@tarojs/webpack5-runner', '@types/react', 'babel-preset-taro', 'postcss', 'react-refresh', 'webpack']

const pick = (names, from) => Object.fromEntries(names.map((name) => [name, from[name]]))

/** Runs a command to completion; returns its stdout and stderr together (jest reports on stderr). */
function run(command, args, cwd) {
  const { status, stdout, stderr, error } = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } })
  if (error || status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}${error ?? ''}`)
  return `${stdout}\n${stderr}`
}

/**
 * Creates the app under os.tmpdir(): the scaffold, the quick start's `src/…` files and
 * `sections[0]`'s test files from README.md, the tarball of this repository (`npm pack`
 * of the built dist/), the section's dev dependencies; installs (npm cache first) and builds for weapp.
 */
function createFreshApp(readme, testSection) {
  const app = mkdtempSync(path.join(tmpdir(), 'taro-privacy-readme-'))
  const [{ filename }] = JSON.parse(run('npm', ['pack', '--json', '--silent', '--pack-destination', app], ROOT).trim())
  const quickStart = [...filesIn(readme)].filter(([file]) => file.startsWith('src/') && !file.includes('.test.'))
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
  for (const [file, content] of [...Object.entries(SCAFFOLD), ...quickStart]) {
    mkdirSync(path.dirname(path.join(app, file)), { recursive: true })
    writeFileSync(path.join(app, file), content)
  }
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], app)
  run('npx', ['taro', 'build', '--type', 'weapp'], app)
  return { app, quickStart: quickStart.map(([file]) => file) }
}

/** Writes the section's files (config and tests) into the app and runs jest there. */
function runSectionTests(app, testSection) {
  const files = filesIn(testSection)
  for (const [file, content] of files) writeFileSync(path.join(app, file), content)
  const output = run(process.execPath, [path.join(app, 'node_modules/jest/bin/jest.js'), '--ci', '--colors=false'], app)
  return { files: [...files.keys()], output }
}

module.exports = { createFreshApp, runSectionTests, section, filesIn, ROOT }
