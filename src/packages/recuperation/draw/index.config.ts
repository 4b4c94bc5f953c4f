export default definePageConfig({ navigationBarTitleText: '抽签结果' });
