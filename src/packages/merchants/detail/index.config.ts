export default definePageConfig({ navigationBarTitleText: '商户详情' });
