export default defineAppConfig({
  pages: ['pages/index/index', 'pages/tab/index', 'pages/concurrent/index', 'pages/phone/index'],
  subPackages: [{ root: 'packages/privacy', pages: ['pages/location/index'] }],
  window: { navigationBarTitleText: 'taro-privacy compat' },
  tabBar: {
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/tab/index', text: '我的' },
    ],
  },
})
