import Taro from '@tarojs/taro';

/** Routes of the app, in one place. */
export const ROUTES = {
  home: '/pages/index/index',
  discounts: '/pages/discounts/index',
  services: '/pages/services/index',
  me: '/pages/me/index',
  apply: '/packages/membership/apply/index',
  applicationStatus: '/packages/membership/status/index',
  transfer: '/packages/membership/transfer/index',
  card: '/packages/card/index',
  legalAid: '/packages/legal-aid/index/index',
  staffReviews: '/packages/staff/reviews/index',
  staffReviewDetail: '/packages/staff/review-detail/index',
  staffTransfers: '/packages/staff/transfers/index',
  staffRoles: '/packages/staff/roles/index',
  staffAudit: '/packages/staff/audit/index',
} as const;

const TABS: string[] = [ROUTES.home, ROUTES.discounts, ROUTES.services, ROUTES.me];

export function go(url: string): void {
  const path = url.split('?')[0];
  if (TABS.includes(path)) void Taro.switchTab({ url: path });
  else void Taro.navigateTo({ url });
}

export function comingSoon(name: string): void {
  void Taro.showToast({ title: `${name}即将开放`, icon: 'none' });
}
