// babel-preset-taro with Vue 3: adds @vue/babel-plugin-jsx and, with `ts`, TypeScript for .vue files.
module.exports = {
  presets: [['taro', { framework: 'vue3', ts: true, compiler: 'webpack5' }]],
}
