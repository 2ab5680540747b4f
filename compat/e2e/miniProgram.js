const fs = require('node:fs')
const path = require('node:path')

/**
 * A small WeChat runtime around miniprogram-simulate (WeChat's template compiler +
 * j-component) that runs a compiled Taro weapp build as it is: `App`, `Page`, `getApp`,
 * `getCurrentPages`, the page stack with WeChat's lifecycle order, tabBar pages that stay
 * alive while hidden, and `wx` = the privacy simulator's api plus the routing functions.
 * The same shape as example/e2e/weapp/miniProgram.js, taking the build directory.
 */

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
 * Starts a fresh app (fresh modules, fresh webpack chunk registry) from the build in `dist`.
 * WeChat's template compiler patches built-ins once per realm: one Taro version per test file.
 */
function launchMiniProgram({ sim, dist, entry = 'pages/index/index' }) {
  jest.resetModules()
  const simulate = require('miniprogram-simulate')
  const appJson = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'))
  const tabRoutes = new Set((appJson.tabBar?.list ?? []).map((item) => item.pagePath))
  const definitions = new Map()
  const aliveTabs = new Map()
  let stack = []
  let app
  const errors = []

  function definitionOf(route) {
    if (!definitions.has(route)) definitions.set(route, simulate.load(path.join(dist, route), { rootPath: dist }))
    return definitions.get(route)
  }

  function openPage(route, query) {
    if (!appJson.pages.includes(route)) throw new Error(`no page ${route} in app.json`)
    const comp = simulate.render(definitionOf(route))
    const container = document.createElement('page-container')
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
  }

  global.wx = wx
  global.App = (options) => {
    app = options
  }
  global.getApp = () => app
  global.getCurrentPages = () => stack.map((page) => page.instance)
  global.Page = (options) => global.Component(pageToComponent(options))

  require(path.join(dist, 'app.js'))
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
    },
    close() {
      for (const page of [...stack].reverse()) if (!page.unloaded) unloadPage(page)
      for (const page of aliveTabs.values()) if (!page.unloaded) unloadPage(page)
      stack = []
      for (const name of ['wx', 'App', 'getApp', 'getCurrentPages', 'Page']) delete global[name]
    },
  }
}

// What a user sees and does on a rendered page; class names are PrivacyModal's documented ones.

function attribute(node, name) {
  return node.toJSON().attrs.find((attr) => attr.name === name)?.value
}

function consentUIs(page) {
  return page.comp.querySelectorAll('.taro-privacy-modal__mask')
}

function text(page) {
  return page.comp.dom.textContent
}

function find(page, selector) {
  const node = page.comp.querySelector(selector)
  if (!node) throw new Error(`nothing matches ${selector} on ${page.route}`)
  return node
}

function tap(page, selector) {
  find(page, selector).dispatchEvent('tap')
}

/**
 * The user taps an agree button: the platform records the tap of that button id, then the
 * button fires `tap` and `agreeprivacyauthorization` (plus `extraEvents`, e.g. `getphonenumber`).
 */
function tapAgreeButton(sim, button, extraEvents = {}) {
  const id = attribute(button, 'id')
  if (!id) throw new Error('the agree button has no id')
  sim.tapAgreeButton(id)
  button.dispatchEvent('tap')
  button.dispatchEvent('agreeprivacyauthorization', { detail: { errMsg: 'agreePrivacyAuthorization:ok' } })
  for (const [event, detail] of Object.entries(extraEvents)) button.dispatchEvent(event, { detail })
  return id
}

/** Taps the agree button of the page's one consent UI. */
function agree(sim, page) {
  const uis = consentUIs(page)
  if (uis.length !== 1) throw new Error(`${page.route} shows ${uis.length} consent UIs, expected 1`)
  return tapAgreeButton(sim, find(page, '.taro-privacy-modal__agree'))
}

module.exports = { launchMiniProgram, attribute, consentUIs, text, find, tap, tapAgreeButton, agree }
