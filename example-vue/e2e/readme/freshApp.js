// A fresh Taro Vue 3 app outside the repository, as a user makes one: the package comes from
// its packed tarball, the app's files from README.md's "Vue 3" section and its tests from
// docs/vue.md's "Testing a Vue app", verbatim.
const { existsSync, mkdtempSync, readFileSync, writeFileSync } = require('node:fs')
const { tmpdir } = require('node:os')
const path = require('node:path')
const { appFiles, devDependenciesIn, filesIn } = require('../../../example/e2e/readme/markdown')
const { packInto, pick, run, writeFiles } = require('../../../example/e2e/readme/shell')

const example = require('../../package.json')

// What `taro init` (Vue 3, TypeScript, webpack5) would write; it cannot run offline. The README
// replaces src/app.ts and src/pages/index/index.vue.
const SCAFFOLD = {
  'babel.config.js': "module.exports = { presets: [['taro', { framework: 'vue3', ts: true, compiler: 'webpack5' }]] }\n",
  'project.config.json': JSON.stringify({ miniprogramRoot: 'dist/', projectname: 'readme-vue-app', appid: 'touristappid', compileType: 'miniprogram' }),
  'config/index.ts': `import { defineConfig } from '@tarojs/cli'

export default defineConfig<'webpack5'>({
  projectName: 'readme-vue-app',
  date: '2025-1-1',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: 'dist',
  plugins: [],
  framework: 'vue3',
  compiler: { type: 'webpack5', prebundle: { enable: false } },
  cache: { enable: false },
  logger: { quiet: true, stats: false },
  mini: {},
  h5: { publicPath: '/', staticDirectory: 'static' },
})
`,
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      target: 'es2017',
      module: 'esnext',
      moduleResolution: 'node',
      jsx: 'preserve',
      jsxImportSource: 'vue',
      strict: true,
      skipLibCheck: true,
      esModuleInterop: true,
      allowSyntheticDefaultImports: true,
      resolveJsonModule: true,
      noEmit: true,
    },
    include: ['src', 'types'],
  }),
  'types/global.d.ts': `/// <reference types="@tarojs/taro" />
/// <reference types="@tarojs/components/vue3" />

declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
  }
}
`,
  'types/vue.d.ts': `declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, any>
  export default component
}
`,
  'src/index.html': readFileSync(path.resolve(__dirname, '../../src/index.html'), 'utf8'),
  'src/app.config.ts': "export default defineAppConfig({ pages: ['pages/index/index'], window: { navigationBarTitleText: 'readme-vue-app' } })\n",
  'src/pages/index/index.config.ts': "export default definePageConfig({ navigationBarTitleText: '首页' })\n",
}

/** The packages a Vue 3 weapp + h5 app needs, at example-vue's versions (so the npm cache has them). */
const TARO_DEPENDENCIES = Object.keys(example.dependencies)
const TARO_DEV_DEPENDENCIES = ['@babel/core', '@tarojs/cli', '@tarojs/webpack5-runner', '@vue/babel-plugin-jsx', 'babel-preset-taro', 'postcss', 'typescript', 'vue-loader', 'vue-tsc', 'webpack']

/**
 * Creates the app under os.tmpdir(): the scaffold, the tarball of this repository (`npm
 * pack` of the built dist/) and the dev dependencies of `testSection`'s install line;
 * installs (npm cache first).
 */
function createFreshVueApp(testSection) {
  const app = mkdtempSync(path.join(tmpdir(), 'taro-privacy-readme-vue-'))
  const filename = packInto(app)
  writeFileSync(
    path.join(app, 'package.json'),
    JSON.stringify(
      {
        name: 'readme-vue-app',
        private: true,
        browserslist: example.browserslist,
        dependencies: { ...pick(TARO_DEPENDENCIES, example.dependencies), 'taro-privacy': `file:./${filename}` },
        devDependencies: { ...pick(TARO_DEV_DEPENDENCIES, example.devDependencies), ...devDependenciesIn(testSection) },
        // @tarojs/plugin-framework-vue3 has no 4.1.11: its 4.1.10 takes the app's 4.1.11 Taro packages.
        overrides: example.overrides,
      },
      null,
      2,
    ),
  )
  writeFiles(app, Object.entries(SCAFFOLD))
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], app)
  return app
}

/** Whether `name` is installed in the app (at its top level, where `require` from the package finds it). */
const installed = (app, name) => existsSync(path.join(app, 'node_modules', name, 'package.json'))

/** Runs a binary of the app's own node_modules in the app. */
const bin = (app, file, args, env) => run(process.execPath, [path.join(app, 'node_modules', file), ...args], app, env)

/**
 * Follows one language's docs: the quick start's files (README "Vue 3") and the testing
 * section's files (docs/vue.md: jest config, tests) go into the app, plus `extraTests`
 * ([path, content]); the app is type-checked (vue-tsc, strict), built for h5 (unless `h5:
 * false`) and then weapp (both into dist/, which each build empties: the weapp output stays for
 * the tests); then jest runs every test.
 * Returns the docs' files used, the timings and jest's JSON report.
 */
function followVueDocs(app, quickStartSection, testSection, extraTests, { h5: buildH5 = true } = {}) {
  const quickStart = appFiles(quickStartSection)
  const tests = [...filesIn(testSection)]
  writeFiles(app, [...quickStart, ...tests, ...extraTests])
  const timings = {}
  const timed = (name, action) => {
    const started = Date.now()
    const result = action()
    timings[name] = Number(((Date.now() - started) / 1000).toFixed(1))
    return result
  }
  timed('vue-tsc', () => bin(app, 'vue-tsc/bin/vue-tsc.js', ['--noEmit', '-p', '.']))
  if (buildH5) timed('build h5', () => bin(app, '@tarojs/cli/bin/taro', ['build', '--type', 'h5']))
  const h5 = existsSync(path.join(app, 'dist/index.html'))
  timed('build weapp', () => bin(app, '@tarojs/cli/bin/taro', ['build', '--type', 'weapp']))
  const reportFile = path.join(app, 'jest-report.json')
  timed('jest', () => {
    try {
      bin(app, 'jest/bin/jest.js', ['--ci', '--colors=false', '--json', `--outputFile=${reportFile}`])
    } catch (error) {
      if (!existsSync(reportFile)) throw error // jest did not run; a failed test is in the report
    }
  })
  const report = JSON.parse(readFileSync(reportFile, 'utf8'))
  return { files: [...quickStart, ...tests].map(([file]) => file), timings, h5, report }
}

/** Each test of a jest JSON report: file (relative to the app), full name, status, failure messages. */
function testResults(app, report) {
  return report.testResults.flatMap((file) =>
    file.assertionResults.length
      ? file.assertionResults.map((test) => ({ file: path.relative(app, file.name), name: test.fullName, status: test.status, failures: test.failureMessages.join('\n') }))
      : [{ file: path.relative(app, file.name), name: '(file)', status: file.status, failures: file.message }],
  )
}

module.exports = { createFreshVueApp, followVueDocs, testResults, installed }
