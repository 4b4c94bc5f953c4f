export default definePageConfig({ navigationBarTitleText: '疗休养详情' });
