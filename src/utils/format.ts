import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

dayjs.locale('zh-cn');

/** 2024年3月5日 */
export function formatDate(value: string | number | Date | undefined | null): string {
  if (value === undefined || value === null || value === '') return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY年M月D日') : '—';
}

/** 2024-03-05 14:30 */
export function formatDateTime(value: string | number | Date | undefined | null): string {
  if (value === undefined || value === null || value === '') return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : '—';
}

/** Shows the start and end of an openid only: "oAbc****xyz9". */
export function maskOpenid(openid: string | undefined | null): string {
  if (!openid) return '—';
  if (openid.length <= 8) return `${openid.slice(0, 2)}****`;
  return `${openid.slice(0, 4)}****${openid.slice(-4)}`;
}

export const STATUS_TEXT: Record<string, string> = {
  pending: '审核中',
  approved: '已通过',
  rejected: '未通过',
  active: '正常',
  suspended: '已暂停',
};

export const CHANNEL_TEXT: Record<string, string> = {
  employer: '单位职工',
  new_employment: '新就业形态劳动者',
};

export const OCCUPATION_OPTIONS = [
  { value: 'courier', label: '快递员' },
  { value: 'food_delivery', label: '外卖配送员' },
  { value: 'ride_hailing', label: '网约车司机' },
  { value: 'truck_driver', label: '货车司机' },
  { value: 'domestic', label: '家政服务员' },
  { value: 'other', label: '其他' },
] as const;

export const ROLE_TEXT: Record<string, string> = {
  member: '会员',
  staff: '工会干部',
  merchant: '商户店员',
  lawyer: '值班律师',
  admin: '系统管理员',
};
