// A WeChat custom component (Taro writes this as custom-tab-bar/index.json as it stands). `comp` is Taro's recursive
// renderer, which its pages get added for them and a component must declare itself.
export default {
  component: true,
  usingComponents: { comp: '../comp' },
};
