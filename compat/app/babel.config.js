const fs = require('node:fs')
const path = require('node:path')

// babel-preset-taro reads `compiler` from Taro 4 on (3.6 ignores it).
const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, 'package.json'), 'utf8'))
const compiler = manifest.devDependencies?.['@tarojs/vite-runner'] ? 'vite' : 'webpack5'

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler }]],
}
