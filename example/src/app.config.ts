export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/discover/index',
    'pages/mine/index',
    'pages/clipboard/index',
    'pages/album/index',
    'pages/nickname/index',
    'pages/login/index',
    'pages/member/index',
    'pages/agreement/index',
  ],
  // Subpackage pages, as real apps have: the consent UI and the test kit work there too. The
  // independent one opens without the main package (a landing page for shared links).
  subPackages: [
    { root: 'subpackages/stores', pages: ['index'] },
    { root: 'independent/share', pages: ['index'], independent: true },
  ],
  window: {
    navigationBarTitleText: 'taro-privacy 示例',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f5f5',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#07c160',
    backgroundColor: '#ffffff',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/discover/index', text: '发现' },
      { pagePath: 'pages/mine/index', text: '我的' },
    ],
  },
  // WeChat enabled the privacy check for everyone on 2023-10-17; the key keeps older base libraries consistent.
  __usePrivacyCheck__: true,
})
