#!/usr/bin/env node
// Serves the built H5 example (dist/h5) on 127.0.0.1 and prints the URL.
// Usage: node scripts/serve.js [port]   (default 4173; PORT works too; 0 picks a free one)
const fs = require('node:fs')
const path = require('node:path')
const { startStaticServer } = require('./static-server')

const root = path.resolve(__dirname, '../dist/h5')
const port = Number(process.argv[2] ?? process.env.PORT ?? 4173)

if (!fs.existsSync(path.join(root, 'index.html'))) {
  console.error(`No H5 build in ${root}. Run \`npm run example:h5\` at the repository root first.`)
  process.exit(1)
}

startStaticServer({ root, port }).then(
  ({ url }) => {
    console.log(`taro-privacy H5 示例已启动: ${url}`)
    console.log('Press Ctrl+C to stop.')
  },
  (error) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: pass another one, e.g. \`node scripts/serve.js 0\`.` : error)
    process.exit(1)
  },
)
