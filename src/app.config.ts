import { TAB_BAR_COLORS, TABS, subPackages } from './features';

// Pages, subpackages and tabs come from the one feature list (src/features.ts), read here at build time.
export default defineAppConfig({
  pages: Object.values(TABS).map((t) => t.path),
  // Inject only the components a page uses when it opens (WeChat's code-quality check asks for it).
  lazyCodeLoading: 'requiredComponents',
  subPackages: subPackages(),
  // Nearest partner merchants and 驿站 (packages/merchants): WeChat wants the API declared and its purpose stated.
  // 隐患随手拍 (packages/voice): the place of a hazard picked on the map.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
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
  // weapp: the app draws its own tab bar (src/custom-tab-bar), so that 关怀模式 enlarges its labels and icons; WeChat
  // still wants the full list (it tells which pages are tabs). H5 keeps Taro's tab bar (app.scss sizes its labels).
  tabBar: {
    ...(process.env.TARO_ENV === 'weapp' ? { custom: true } : {}),
    ...TAB_BAR_COLORS,
    borderStyle: 'black',
    list: Object.values(TABS).map((t) => ({
      pagePath: t.path,
      text: t.title,
      iconPath: `assets/tabbar/${t.icon}.png`,
      selectedIconPath: `assets/tabbar/${t.icon}-active.png`,
    })),
  },
});
