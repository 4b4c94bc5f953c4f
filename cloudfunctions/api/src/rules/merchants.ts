/** 优惠 vocabularies shared by the app and the function (pure): place kinds, categories, tiers, station services, limit periods. */
export const PLACE_KINDS = ['merchant', 'station'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];
export const CATEGORIES = ['餐饮', '购物', '休闲娱乐', '生活服务', '医疗健康', '文化', '旅游', '教育培训', '汽车服务'] as const;
export type Category = (typeof CATEGORIES)[number];
export const TIERS = ['特约商户', '普惠商户'] as const;
export type Tier = (typeof TIERS)[number];
export const STATION_SERVICES = ['饮水', '休息', '充电', '如厕', '热饭', '应急药箱', '图书'] as const;
export type StationService = (typeof STATION_SERVICES)[number];
/** One of the union's districts (settings.union.districts: a union's own, never a list in source). */
export type District = string;
export const LIMIT_PERIODS = ['day', 'week', 'month', 'none'] as const;
export type LimitPeriod = (typeof LIMIT_PERIODS)[number];
