// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// framework 'vue3' adds @vue/babel-plugin-jsx (unless vueJsx: false) and, with ts, preset-typescript for .vue files.
module.exports = {
  presets: [
    ['taro', { framework: 'vue3', ts: true, compiler: 'webpack5' }],
  ],
}
