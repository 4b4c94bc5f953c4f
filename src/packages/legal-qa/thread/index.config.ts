import { pageTitle } from '../../../features';

export default definePageConfig({ navigationBarTitleText: pageTitle('legalQaThread') });
