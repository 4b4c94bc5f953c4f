export default definePageConfig({ navigationBarTitleText: '每周值班表' });
