import Taro from '@tarojs/taro';
import type { District } from '../../pages/discounts/location';

/** The union that manages a district's places (staff edit within their own subtree; the city union covers all). */
export const DISTRICT_ORGS: Record<District, string> = {
  天宁区: 'org-cz-tianning',
  钟楼区: 'org-cz-zhonglou',
  新北区: 'org-cz-xinbei',
  武进区: 'org-cz-wujin',
  金坛区: 'org-cz-jintan',
  溧阳市: 'org-cz-liyang',
};

export const IMPORT_ORGS: Array<{ id: string; name: string }> = [
  { id: 'org-cz', name: '常州市总工会' },
  { id: 'org-cz-tianning', name: '天宁区总工会' },
  { id: 'org-cz-zhonglou', name: '钟楼区总工会' },
  { id: 'org-cz-xinbei', name: '新北区总工会' },
  { id: 'org-cz-wujin', name: '武进区总工会' },
  { id: 'org-cz-jintan', name: '金坛区总工会' },
  { id: 'org-cz-liyang', name: '溧阳市总工会' },
];

/** Opens an export link: a download on H5, downloadFile + openDocument on weapp. */
export async function openExport(url: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank');
    return;
  }
  const file = await Taro.downloadFile({ url });
  await Taro.openDocument({ filePath: file.tempFilePath, fileType: 'xlsx', showMenu: true });
}
