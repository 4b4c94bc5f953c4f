export default definePageConfig({ navigationBarTitleText: '电子工会卡' });
