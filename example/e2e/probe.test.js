const path = require('path')
const simulate = require(path.join('/work/main/example/node_modules', 'miniprogram-simulate'))
const root = '/work/main/example/dist/weapp'
test('probe', async () => {
  const calls = []
  global.wx = new Proxy({}, { get(t, k) { if (k in t) return t[k]; if (typeof k === 'string' && !['then','webpackJsonp'].includes(k)) { calls.push(k) } return undefined }, set(t,k,v){t[k]=v;return true} })
  let app
  global.App = o => { app = o }
  global.getApp = () => app
  const stack = []
  global.getCurrentPages = () => stack.slice()
  global.Page = options => {
    const methods = {}
    const data = options.data
    for (const k of Object.keys(options)) if (typeof options[k] === 'function') methods[k] = options[k]
    global.Component({ data, methods })
  }
  require(path.join(root, 'app.js'))
  console.log('app keys', Object.keys(app), Object.getOwnPropertyNames(Object.getPrototypeOf(app)))
  app.onLaunch({ path: 'pages/index/index', query: {} })
  app.onShow && app.onShow({})
  const id = simulate.load(path.join(root, 'pages/index/index'), { rootPath: root })
  const comp = simulate.render(id)
  comp.attach(document.createElement('parent-wrapper'))
  const inst = comp.instance
  inst.route = 'pages/index/index'
  stack.push(inst)
  inst.onLoad({})
  inst.onShow()
  await simulate.sleep(50)
  console.log(comp.dom.innerHTML.slice(0, 2000))
  console.log('wx calls', calls)
})
