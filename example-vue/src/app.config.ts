export default defineAppConfig({
  pages: ['pages/index/index', 'pages/clipboard/index', 'pages/location/index'],
  window: {
    navigationBarTitleText: 'taro-privacy 示例 (Vue)',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f5f5',
  },
  // WeChat enabled the privacy check for everyone on 2023-10-17; the key keeps older base libraries consistent.
  __usePrivacyCheck__: true,
  // The location APIs the demos call, declared as WeChat requires.
  permission: { 'scope.userLocation': { desc: '演示同时调用多个隐私接口' } },
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
})
