// A fresh Taro app outside the repository, as a user makes one: the package comes from its
// packed tarball, the app's files and tests from README.md, verbatim.
const { mkdtempSync, writeFileSync } = require('node:fs')
const { tmpdir } = require('node:os')
const path = require('node:path')
const { appFiles, devDependenciesIn, filesIn, section } = require('./markdown')
const { ROOT, packInto, pick, run, writeFiles } = require('./shell')

const example = require('../../package.json')

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

/**
 * Creates the app under os.tmpdir(): the scaffold, the tarball of this repository (`npm
 * pack` of the built dist/) and the dev dependencies of `testSection`'s install line;
 * installs (npm cache first).
 */
function createFreshApp(testSection) {
  const app = mkdtempSync(path.join(tmpdir(), 'taro-privacy-readme-'))
  const filename = packInto(app)
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
