const fs = require('node:fs')
const http = require('node:http')
const path = require('node:path')

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

/** The file a request path maps to inside `root`, or null when it would leave `root`. */
function fileFor(root, urlPath) {
  let pathname
  try {
    pathname = decodeURIComponent(urlPath.split('?')[0])
  } catch {
    return null
  }
  const file = path.resolve(root, `.${pathname}`)
  if (file !== root && !file.startsWith(root + path.sep)) return null
  if (fs.existsSync(file) && fs.statSync(file).isFile()) return file
  // Unknown paths without an extension get the app (history-style routes); assets 404.
  return path.extname(pathname) ? null : path.join(root, 'index.html')
}

/** A static file server for a built H5 app, bound to 127.0.0.1 only. Resolves with the server and its URL. */
function startStaticServer({ root, port = 0, host = '127.0.0.1' }) {
  const absoluteRoot = path.resolve(root)
  const server = http.createServer((request, response) => {
    const file = request.method === 'GET' || request.method === 'HEAD' ? fileFor(absoluteRoot, request.url) : null
    if (!file || !fs.existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      return void response.end('not found')
    }
    response.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    })
    if (request.method === 'HEAD') return void response.end()
    fs.createReadStream(file).pipe(response)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      const { port: actual } = server.address()
      resolve({ server, url: `http://${host}:${actual}/` })
    })
  })
}

module.exports = { startStaticServer }
