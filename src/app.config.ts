export default defineAppConfig({
  pages: ['pages/index/index', 'pages/discounts/index', 'pages/services/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/membership', pages: ['apply/index', 'status/index', 'transfer/index'] },
    { root: 'packages/card', pages: ['index'] },
    {
      root: 'packages/merchants',
      pages: ['detail/index', 'map/index', 'mine/index', 'counter/index', 'admin/index', 'edit/index', 'import/index'],
    },
    {
      root: 'packages/staff',
      pages: ['reviews/index', 'review-detail/index', 'transfers/index', 'roles/index', 'audit/index'],
    },
  ],
  // Nearest partner merchants and 驿站: WeChat requires the API declared and the purpose stated.
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '用于查找您附近的工会特约商户和户外劳动者服务站，并显示距离' },
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '工会会员服务',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/discounts/index', text: '优惠' },
      { pagePath: 'pages/services/index', text: '服务' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
});
