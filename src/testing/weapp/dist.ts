import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The part of a compiled app.json the harness reads. */
export interface AppJson {
  pages: string[]
  subPackages?: SubPackage[]
  subpackages?: SubPackage[]
  window?: Record<string, unknown>
  tabBar?: { list?: { pagePath: string }[] }
  entryPagePath?: string
  [key: string]: unknown
}

interface SubPackage {
  root: string
  pages: string[]
  independent?: boolean
}

/** A compiled app: its app.json and every page route, subpackage pages included. */
export interface CompiledApp {
  appJson: AppJson
  /** Main-package pages, then each subpackage's (`root/page`). */
  routes: string[]
  /** Routes of independent subpackages. */
  independent: Set<string>
  appId: string
}

/** Template files by which the other mini-program platforms' builds can be told apart. */
const TEMPLATES: [extension: string, platform: string][] = [
  ['.ttml', 'a Douyin (tt)'],
  ['.axml', 'an Alipay (alipay)'],
  ['.qml', 'a QQ (qq)'],
  ['.swan', 'a Baidu (swan)'],
  ['.jxml', 'a JD (jd)'],
  ['.ksml', 'a Kuaishou (kwai)'],
]

const SEPARATE_OUTPUT = 'give each platform its own folder in config/index: outputRoot: `dist/${process.env.TARO_ENV}`.'

/** What another platform's build left in `dist`, if any: e.g. `'an H5 build (index.html, js/app.….js)'`. */
function otherBuild(dist: string): string | undefined {
  const files = existsSync(dist) ? readdirSync(dist) : []
  if (files.includes('index.html')) {
    const scripts = existsSync(join(dist, 'js')) ? readdirSync(join(dist, 'js')).filter((file) => /^app\b.*\.js$/.test(file)) : []
    return `an H5 build (index.html${scripts.length ? `, js/${scripts[0]}` : ''})`
  }
  for (const [extension, platform] of TEMPLATES) {
    const template = files.find((file) => file.endsWith(extension))
    if (template) return `${platform} build (${template})`
  }
  return undefined
}

/** Reads and checks the compiled weapp app in `dist`; every failure says what to do. */
export function readCompiledApp(dist: string): CompiledApp {
  const hasApp = existsSync(join(dist, 'app.js')) && existsSync(join(dist, 'app.json'))
  const other = otherBuild(dist)
  if (other && (!hasApp || !readdirSync(dist).some((file) => file.endsWith('.wxml'))))
    throw new Error(
      `[taro-privacy] launchWeapp: ${dist} holds ${other}, not a weapp build. weapp and other platforms share Taro's default output folder 'dist', so the last build wins: run \`taro build --type weapp\` before the test, or better: ${SEPARATE_OUTPUT}`,
    )
  if (!hasApp)
    throw new Error(
      `[taro-privacy] launchWeapp: no compiled weapp app in ${dist} (app.js and app.json expected). Build it first (\`taro build --type weapp\`) and pass the output folder as \`dist\` (Taro's default is 'dist'; ${SEPARATE_OUTPUT})`,
    )
  const appJson = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as AppJson
  const routes = [...(appJson.pages ?? [])]
  const independent = new Set<string>()
  for (const subPackage of [...(appJson.subPackages ?? []), ...(appJson.subpackages ?? [])]) {
    const root = subPackage.root.replace(/^\/+|\/+$/g, '')
    for (const page of subPackage.pages ?? []) {
      const route = `${root}/${page.replace(/^\/+/, '')}`
      routes.push(route)
      if (subPackage.independent) independent.add(route)
    }
  }
  let appId = 'touristappid'
  try {
    appId = JSON.parse(readFileSync(join(dist, 'project.config.json'), 'utf8')).appid || appId
  } catch {
    // no project.config.json: WeChat DevTools' tourist id
  }
  return { appJson, routes, independent, appId }
}
