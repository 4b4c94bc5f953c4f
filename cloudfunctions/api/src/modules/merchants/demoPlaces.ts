/**
 * Demo places around Changzhou (fictional names; plausible streets and coordinates in each district), made
 * deterministically so that every `npm run dev` shows the same directory. Used by demo.ts and the benchmark.
 */
import type { Category, District, LimitPeriod, StationService } from './schemas';

export const DISTRICT_CENTRES: Record<District, { lat: number; lng: number; orgId: string; spreadKm: number }> = {
  天宁区: { lat: 31.781, lng: 119.98, orgId: 'org-cz-tianning', spreadKm: 3.2 },
  钟楼区: { lat: 31.79, lng: 119.93, orgId: 'org-cz-zhonglou', spreadKm: 3.0 },
  新北区: { lat: 31.84, lng: 119.972, orgId: 'org-cz-xinbei', spreadKm: 4.0 },
  武进区: { lat: 31.705, lng: 119.945, orgId: 'org-cz-wujin', spreadKm: 4.5 },
  金坛区: { lat: 31.723, lng: 119.597, orgId: 'org-cz-jintan', spreadKm: 2.5 },
  溧阳市: { lat: 31.416, lng: 119.484, orgId: 'org-cz-liyang', spreadKm: 2.5 },
};

const STREETS: Record<District, string[]> = {
  天宁区: ['延陵东路', '和平北路', '竹林北路', '青洋北路', '红梅南路', '关河东路', '丽华北路', '北直街', '局前街'],
  钟楼区: ['延陵西路', '南大街', '西新桥二路', '勤业路', '广化街', '怀德北路', '荷花池街', '新闸路', '邮电路'],
  新北区: ['太湖东路', '通江中路', '汉江路', '黄河西路', '龙锦路', '河海东路', '三井路', '华山中路', '锦绣路'],
  武进区: ['人民中路', '武宜中路', '花园街', '延政中路', '长沟路', '定安中路', '聚湖西路', '常武中路', '湖塘大街'],
  金坛区: ['南环一路', '东门大街', '华阳路', '西门大街', '愚池路', '金沙大道'],
  溧阳市: ['燕山中路', '平陵西路', '昆仑北路', '天目湖大道', '罗湾路', '育才路'],
};

const PREFIXES = [
  '龙城',
  '运河',
  '青果',
  '舜山',
  '红梅',
  '东坡',
  '季子',
  '天目',
  '茅山',
  '滆湖',
  '长荡',
  '淹城',
  '太湖',
  '文笔',
  '椿庭',
  '怀德',
  '延陵',
  '篦箕',
  '西瀛',
  '白云',
  '青枫',
  '丽华',
  '清潭',
  '荆川',
];

interface Kind {
  words: string[];
  offers: string[];
  hours: string[];
  terms: string;
  period: LimitPeriod;
}

export const CATEGORY_KINDS: Record<Category, Kind> = {
  餐饮: {
    words: ['银丝面馆', '小笼馆', '土菜馆', '酒家', '茶餐厅', '火锅店', '烘焙坊', '咖啡馆', '馄饨店', '麻糕铺'],
    offers: ['会员凭卡9折', '会员凭卡8.8折', '满100减15元', '会员套餐立减10元', '加面一份免费'],
    hours: ['10:00-21:30', '06:30-14:00；17:00-21:00', '09:00-22:00', '17:00-次日02:00', '07:00-20:00'],
    terms: '结账前出示电子工会卡；不与店内其他优惠同享',
    period: 'day',
  },
  购物: {
    words: ['超市', '便利店', '书店', '眼镜店', '服饰店', '家电城', '母婴店', '文具店'],
    offers: ['会员凭卡95折', '会员凭卡9折', '满200减20元', '配镜8折'],
    hours: ['08:30-21:30', '24小时', '09:00-21:00', '周一至周五 09:00-20:00；周六、周日 09:00-21:30'],
    terms: '特价商品除外；结账前出示电子工会卡',
    period: 'day',
  },
  休闲娱乐: {
    words: ['影城', '健身馆', '游泳馆', '羽毛球馆', '桌游馆', '乒乓球馆'],
    offers: ['会员票价立减10元', '会员凭卡8折', '健身月卡9折', '场地费8.5折'],
    hours: ['09:00-23:00', '06:00-22:00', '10:00-22:00'],
    terms: '需提前预约；限会员本人',
    period: 'week',
  },
  生活服务: {
    words: ['洗衣店', '理发店', '家政服务社', '照相馆', '修鞋配钥匙', '裁缝铺'],
    offers: ['会员凭卡9折', '洗衣满50减10元', '理发会员价28元', '证件照半价'],
    hours: ['08:30-20:00', '09:00-21:00', '周一至周六 08:00-18:00'],
    terms: '结账前出示电子工会卡；不与店内其他优惠同享',
    period: 'month',
  },
  医疗健康: {
    words: ['大药房', '口腔诊所', '眼科门诊', '中医推拿馆', '体检中心'],
    offers: ['非处方药9.5折', '洁牙会员价98元', '推拿8折', '职工体检套餐9折'],
    hours: ['周一至周五 08:00-17:30；周六、周日 08:30-12:00', '08:00-21:00', '24小时'],
    terms: '医保结算部分除外；限会员本人',
    period: 'month',
  },
  文化旅游: {
    words: ['旅行社', '书画院', '民宿', '景区游客中心', '非遗工坊'],
    offers: ['门票会员价8折', '线路团费立减100元', '住宿9折', '体验课免费1次'],
    hours: ['08:30-17:30', '09:00-18:00', '24小时'],
    terms: '需出示电子工会卡及本人证件',
    period: 'month',
  },
  教育培训: {
    words: ['职业技能培训学校', '书法培训中心', '驾驶培训学校', '电脑培训班'],
    offers: ['技能培训学费9折', '报名立减200元', '试听课免费'],
    hours: ['周一至周五 08:30-20:30；周六、周日 09:00-17:00'],
    terms: '限会员本人报名',
    period: 'month',
  },
  汽车服务: {
    words: ['汽车维修中心', '洗车店', '轮胎店', '汽车美容'],
    offers: ['洗车会员价25元', '保养工时费8折', '换胎立减30元'],
    hours: ['08:00-18:30', '08:30-19:00'],
    terms: '到店出示电子工会卡，限会员本人车辆',
    period: 'week',
  },
};

const STATION_NAMES = ['工会驿站', '户外劳动者服务站', '爱心驿站', '骑手暖心驿站', '职工之家服务点'];
const STATION_SITES = ['街道党群服务中心', '社区服务中心', '公园东门', '商业广场', '快递网点', '加油站', '地铁站旁', '银行网点'];
const ALL_SERVICES: StationService[] = ['饮水', '休息', '充电', '如厕', '热饭', '应急药箱', '图书'];

/** A small deterministic generator (mulberry32), so demo data is the same every time. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoPlace {
  id: string;
  kind: 'merchant' | 'station';
  name: string;
  category?: Category;
  tier?: '特约商户' | '普惠商户';
  services?: StationService[];
  district: District;
  address: string;
  phone: string;
  lat: number;
  lng: number;
  hours: string;
  offer?: { title: string; terms: string; period: LimitPeriod; perPeriod: number };
  daysAgo: number;
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)];
}

function near(r: () => number, district: District): { lat: number; lng: number } {
  const c = DISTRICT_CENTRES[district];
  const dist = Math.sqrt(r()) * c.spreadKm;
  const angle = r() * 2 * Math.PI;
  const lat = c.lat + (dist * Math.sin(angle)) / 111.2;
  const lng = c.lng + (dist * Math.cos(angle)) / (111.2 * Math.cos((c.lat * Math.PI) / 180));
  return { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 };
}

const SHARE: Array<[District, number]> = [
  ['天宁区', 0.23],
  ['钟楼区', 0.21],
  ['新北区', 0.2],
  ['武进区', 0.2],
  ['金坛区', 0.08],
  ['溧阳市', 0.08],
];

function districtOf(r: () => number): District {
  let x = r();
  for (const [d, share] of SHARE) {
    if (x < share) return d;
    x -= share;
  }
  return '天宁区';
}

/** `count` merchants and `stations` stations; ids `${prefix}m-0001`… and `${prefix}s-0001`… */
export function makeDemoPlaces(count: number, stations: number, seed = 20261201, prefix = 'demo-'): DemoPlace[] {
  const r = random(seed);
  const out: DemoPlace[] = [];
  const categories = Object.keys(CATEGORY_KINDS) as Category[];
  const used = new Set<string>();
  for (let i = 1; i <= count; i += 1) {
    const district = districtOf(r);
    const category = categories[Math.floor(r() ** 1.6 * categories.length)];
    const k = CATEGORY_KINDS[category];
    const street = pick(r, STREETS[district]);
    let name = `${pick(r, PREFIXES)}${pick(r, k.words)}`;
    if (used.has(name)) name = `${name}（${street.replace(/[路街道]+$/, '')}店）`;
    if (used.has(name)) name = `${name.replace(/（.*）$/, '')}${i}号店`;
    used.add(name);
    const offerTitle = pick(r, k.offers);
    out.push({
      id: `${prefix}m-${String(i).padStart(4, '0')}`,
      kind: 'merchant',
      name,
      category,
      tier: r() < 0.3 ? '特约商户' : '普惠商户',
      district,
      address: `常州市${district}${street}${1 + Math.floor(r() * 388)}号`,
      phone: `0519-8${String(Math.floor(r() * 1e7)).padStart(7, '0')}`,
      ...near(r, district),
      hours: pick(r, k.hours),
      offer: { title: offerTitle, terms: k.terms, period: k.period, perPeriod: k.period === 'month' && r() < 0.5 ? 2 : 1 },
      daysAgo: Math.floor(r() * 365),
    });
  }
  for (let i = 1; i <= stations; i += 1) {
    const district = districtOf(r);
    const street = pick(r, STREETS[district]);
    const services = ALL_SERVICES.filter((s, j) => j < 4 || r() < 0.5);
    out.push({
      id: `${prefix}s-${String(i).padStart(4, '0')}`,
      kind: 'station',
      name: `${street}${pick(r, STATION_SITES)}${pick(r, STATION_NAMES)}`,
      services,
      district,
      address: `常州市${district}${street}${1 + Math.floor(r() * 300)}号`,
      phone: `0519-8${String(Math.floor(r() * 1e7)).padStart(7, '0')}`,
      ...near(r, district),
      hours: r() < 0.4 ? '24小时' : '每天 07:00-21:00',
      daysAgo: Math.floor(r() * 365),
    });
  }
  return out;
}
