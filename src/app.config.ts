export default defineAppConfig({
  pages: ['pages/index/index', 'pages/discounts/index', 'pages/services/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/membership', pages: ['apply/index', 'status/index', 'transfer/index'] },
    { root: 'packages/card', pages: ['index'] },
    {
      root: 'packages/legal-aid',
      pages: [
        'index/index',
        'book/index',
        'mine/index',
        'detail/index',
        'desk/index',
        'case/index',
        'roster/index',
        'slots/index',
      ],
    },
    {
      root: 'packages/staff',
      pages: ['reviews/index', 'review-detail/index', 'transfers/index', 'roles/index', 'audit/index'],
    },
  ],
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
