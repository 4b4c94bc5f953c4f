/**
 * The areas a union may switch off in its settings (单身联谊 needs a WeChat category many accounts lack), by the
 * server module name, with their names in the app. Shared by the function (AREA_OFF) and the app (settings page).
 */
export const AREA_LABELS = {
  membership: '入会申请',
  card: '电子工会卡',
  merchants: '普惠商户',
  legalAid: '法律援助',
  recuperation: '疗休养',
  competitions: '技能竞赛',
  matchmaking: '单身联谊',
  studentAid: '金秋助学',
  hardship: '困难帮扶',
  mutualAid: '医疗互助',
  voice: '职工建言',
  campaigns: '送温暖·送清凉',
  counselling: '心理咨询',
  legalQa: '线上法律咨询',
} as const;

export type SwitchableArea = keyof typeof AREA_LABELS;

/** In display order. */
export const SWITCHABLE_AREAS = Object.keys(AREA_LABELS) as SwitchableArea[];
