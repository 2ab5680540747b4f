const fs = require('node:fs')
const path = require('node:path')

/** The compiled WeChat output of the example (`npm run build:weapp`); the benchmark points it at another app. */
const WEAPP_DIST = path.resolve(process.env.TARO_PRIVACY_WEAPP_DIST || path.resolve(__dirname, '../../dist/weapp'))

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0))

function parseUrl(url) {
  const [pathname, search = ''] = url.split('?')
  const query = {}
  for (const pair of search.split('&').filter(Boolean)) {
    const [key, value = ''] = pair.split('=')
    query[decodeURIComponent(key)] = decodeURIComponent(value)
  }
  return { route: pathname.replace(/^\//, ''), query }
}

/** A `Page(options)` stand-in: a WeChat page is a component whose methods are the options' functions. */
function pageToComponent(options) {
  const methods = {}
  for (const key of Object.keys(options)) {
    if (typeof options[key] === 'function') methods[key] = options[key]
  }
  return { data: options.data ?? {}, methods }
}

/**
 * A small WeChat runtime around miniprogram-simulate (WeChat's template compiler +
 * j-component) that runs the compiled Taro app as it is: `App`, `Page`, `getApp`,
 * `getCurrentPages`, the page stack with WeChat's lifecycle order, tabBar pages that
 * stay alive while hidden, and `wx` = the privacy simulator's api plus the routing
 * functions. Every call starts a fresh app (fresh modules, fresh webpack chunk registry).
 */
function launchMiniProgram({ sim, entry = 'pages/index/index' }) {
  jest.resetModules()
  const simulate = require('miniprogram-simulate')
  const appJson = JSON.parse(fs.readFileSync(path.join(WEAPP_DIST, 'app.json'), 'utf8'))
  const tabRoutes = new Set((appJson.tabBar?.list ?? []).map((item) => item.pagePath))
  const definitions = new Map()
  const aliveTabs = new Map()
  let stack = []
  let app
  const errors = []

  function definitionOf(route) {
    if (!definitions.has(route)) {
      definitions.set(route, simulate.load(path.join(WEAPP_DIST, route), { rootPath: WEAPP_DIST }))
    }
    return definitions.get(route)
  }

  function openPage(route, query) {
    if (!appJson.pages.includes(route)) throw new Error(`no page ${route} in app.json`)
    const comp = simulate.render(definitionOf(route))
    const container = document.createElement('page-container')
    container.setAttribute('route', route)
    document.body.appendChild(container)
    comp.attach(container)
    const instance = comp.instance
    instance.route = route
    instance.__route__ = route
    instance.options = query
    const page = { route, query, comp, instance, container, unloaded: false }
    instance.onLoad(query)
    instance.onShow()
    instance.onReady()
    return page
  }

  function unloadPage(page) {
    page.instance.onUnload()
    page.unloaded = true
    page.comp.detach()
    page.container.remove()
    if (aliveTabs.get(page.route) === page) aliveTabs.delete(page.route)
  }

  const top = () => stack[stack.length - 1]

  /** Runs a routing call the way the base library does: the page work, then the callbacks, asynchronously. */
  function route(name, options, work) {
    setTimeout(() => {
      try {
        work()
      } catch (error) {
        errors.push(error)
        const result = { errMsg: `${name}:fail ${error.message}` }
        options?.fail?.(result)
        options?.complete?.(result)
        return
      }
      const result = { errMsg: `${name}:ok` }
      options?.success?.(result)
      options?.complete?.(result)
    }, 0)
  }

  const routing = {
    navigateTo(options) {
      route('navigateTo', options, () => {
        const { route: target, query } = parseUrl(options.url)
        if (tabRoutes.has(target)) throw new Error('can not navigateTo a tabbar page')
        top()?.instance.onHide()
        stack.push(openPage(target, query))
      })
    },
    navigateBack(options = {}) {
      route('navigateBack', options, () => {
        const delta = Math.min(options.delta ?? 1, stack.length - 1)
        for (let i = 0; i < delta; i++) unloadPage(stack.pop())
        top().instance.onShow()
      })
    },
    redirectTo(options) {
      route('redirectTo', options, () => {
        const { route: target, query } = parseUrl(options.url)
        unloadPage(stack.pop())
        stack.push(openPage(target, query))
      })
    },
    switchTab(options) {
      route('switchTab', options, () => {
        const { route: target } = parseUrl(options.url)
        if (!tabRoutes.has(target)) throw new Error('can not switchTab to a non-tabbar page')
        while (stack.length > 1) unloadPage(stack.pop())
        const current = stack.pop()
        if (current && current.route === target) return void stack.push(current)
        if (current && tabRoutes.has(current.route)) current.instance.onHide()
        else if (current) unloadPage(current)
        const alive = aliveTabs.get(target)
        if (alive) {
          stack = [alive]
          alive.instance.onShow()
        } else {
          const page = openPage(target, {})
          aliveTabs.set(target, page)
          stack = [page]
        }
      })
    },
  }

  /** Every call of a privacy API, with each callback the app received: `{ api, results: ['success'] }`. */
  const calls = []
  const observed = {}
  for (const name of Object.keys(sim.api)) {
    if (name === 'onNeedPrivacyAuthorization') continue
    observed[name] = (options = {}) => {
      const call = { api: name, results: [] }
      calls.push(call)
      sim.api[name]({
        ...options,
        success: (result) => {
          call.results.push('success')
          options.success?.(result)
        },
        fail: (result) => {
          call.results.push('fail')
          call.errMsg = result.errMsg
          options.fail?.(result)
        },
      })
    }
  }

  const wx = {
    ...sim.api,
    ...observed,
    ...routing,
    getSystemInfoSync: () => ({ platform: 'devtools', SDKVersion: '3.0.0', windowWidth: 375, windowHeight: 667, pixelRatio: 2 }),
    showToast: (options) => options?.success?.({ errMsg: 'showToast:ok' }),
  }

  global.wx = wx
  global.App = (options) => {
    app = options
  }
  global.getApp = () => app
  global.getCurrentPages = () => stack.map((page) => page.instance)
  global.Page = (options) => global.Component(pageToComponent(options))

  require(path.join(WEAPP_DIST, 'app.js'))
  const { route: entryRoute, query: entryQuery } = parseUrl(entry)
  app.onLaunch({ path: entryRoute, query: entryQuery, scene: 1001 })
  app.onShow({ path: entryRoute, query: entryQuery, scene: 1001 })
  const first = openPage(entryRoute, entryQuery)
  if (tabRoutes.has(entryRoute)) aliveTabs.set(entryRoute, first)
  stack = [first]

  return {
    wx,
    errors,
    calls,
    /** The pages WeChat keeps: the stack plus tabBar pages alive in the background. */
    get pages() {
      return [...new Set([...aliveTabs.values(), ...stack])]
    },
    get top() {
      return top()
    },
    get stack() {
      return stack.slice()
    },
    /** Lets the base library, Taro's render queue and React settle. */
    async settle(rounds = 5) {
      for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 20))
      await nextTask()
    },
    close() {
      for (const page of [...stack].reverse()) if (!page.unloaded) unloadPage(page)
      for (const page of aliveTabs.values()) if (!page.unloaded) unloadPage(page)
      stack = []
      delete global.wx
      delete global.App
      delete global.getApp
      delete global.getCurrentPages
      delete global.Page
    },
  }
}

module.exports = { launchMiniProgram, WEAPP_DIST }
