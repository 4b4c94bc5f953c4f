/** Membership enums and their Chinese labels, written once for the function and the app (pure). */
export const CHANNELS = ['employer', 'new_employment'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  employer: '单位职工',
  new_employment: '新就业形态劳动者',
};

export const OCCUPATIONS = ['courier', 'food_delivery', 'ride_hailing', 'truck_driver', 'domestic', 'other'] as const;
export type Occupation = (typeof OCCUPATIONS)[number];
export const OCCUPATION_LABELS: Record<Occupation, string> = {
  courier: '快递员',
  food_delivery: '外卖配送员',
  ride_hailing: '网约车司机',
  truck_driver: '货车司机',
  domestic: '家政服务员',
  other: '其他',
};

export const APPLICATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** One term per idea: 待审核 while waiting, whatever the screen. */
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
};

export const MEMBER_STATUSES = ['active', 'suspended'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = { active: '正常', suspended: '已暂停' };

/** The version of the 隐私政策 / 用户协议 a member agrees to when applying; bump it when the texts change. */
export const PRIVACY_POLICY_VERSION = '2026-12-01';
