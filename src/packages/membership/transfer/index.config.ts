export default definePageConfig({ navigationBarTitleText: '会员转会' });
