/**
 * The 单身联谊 demo plan (used only by demo.ts, never by the function): fictional single members of Changzhou-area
 * unions with profiles shown in different ways, and a season of events (常州市青年职工交友联谊会, a 七夕 evening,
 * a tea-picking day at 金坛茅山, and last week's event whose picks are still open). Every person here is fictional.
 */
import type { Education, ProfileField, Visibility } from '../../rules/matchmaking';

export interface DemoSingle {
  openid: string;
  name: string;
  orgId: string;
  /** YYYYMMDD; the ID number's sequence decides the gender (odd = man). */
  birth: string;
  seq: string;
  cardNo: string;
  nickname: string;
  height: number;
  education: Education;
  city: string;
  occupation: string;
  intro: string;
  contact: { kind: 'wechat' | 'mobile'; value: string };
  /** Fields shown more or less widely than the default. */
  visibility: Partial<Record<ProfileField, Visibility>>;
  single?: 'requested' | 'confirmed';
  paused?: boolean;
}

const ALL_PARTICIPANTS: Partial<Record<ProfileField, Visibility>> = {
  education: 'participants',
  occupation: 'participants',
  photos: 'participants',
};

export const SINGLES: DemoSingle[] = [
  {
    openid: 'demo-mm-f1',
    name: '顾诗雨',
    orgId: 'org-cz-tianning-g1',
    birth: '19960412',
    seq: '226',
    cardNo: 'CZ2023000201',
    nickname: '诗雨',
    height: 163,
    education: 'bachelor',
    city: '常州市天宁区',
    occupation: '纺织品质检员',
    intro: '爱看书、练瑜伽，周末喜欢去青果巷逛逛。希望认识踏实、爱笑的你。',
    contact: { kind: 'wechat', value: 'shiyu_reads' },
    visibility: ALL_PARTICIPANTS,
  },
  {
    openid: 'demo-mm-f2',
    name: '许佳怡',
    orgId: 'org-cz-education-g1',
    birth: '19940903',
    seq: '148',
    cardNo: 'CZ2022000202',
    nickname: '佳怡老师',
    height: 160,
    education: 'master',
    city: '常州市钟楼区',
    occupation: '小学语文教师',
    intro: '教书第六年，喜欢孩子和烘焙，也喜欢安静地听一场音乐会。',
    contact: { kind: 'wechat', value: 'jiayi_bakes' },
    visibility: {},
    single: 'confirmed',
  },
  {
    openid: 'demo-mm-f3',
    name: '蔡雨婷',
    orgId: 'org-cz-xinbei-g1',
    birth: '19970126',
    seq: '264',
    cardNo: 'CZ2024000203',
    nickname: '小蔡',
    height: 166,
    education: 'college',
    city: '常州市新北区',
    occupation: '光伏车间班组长',
    intro: '性格开朗，爱羽毛球。',
    contact: { kind: 'mobile', value: '13961230203' },
    visibility: { birthYear: 'matches', height: 'matches', city: 'matches', intro: 'matches' },
  },
  {
    openid: 'demo-mm-f4',
    name: '马晓玲',
    orgId: 'org-cz-wujin-g3',
    birth: '19930718',
    seq: '282',
    cardNo: 'CZ2021000204',
    nickname: '晓玲',
    height: 158,
    education: 'bachelor',
    city: '常州市武进区',
    occupation: '景区讲解员',
    intro: '在淹城做讲解，喜欢历史和旅行。',
    contact: { kind: 'wechat', value: 'xiaoling_guide' },
    visibility: { photos: 'nobody', occupation: 'nobody' },
    single: 'requested',
  },
  {
    openid: 'demo-mm-m1',
    name: '潘子豪',
    orgId: 'org-cz-wujin-g1',
    birth: '19920305',
    seq: '137',
    cardNo: 'CZ2022000205',
    nickname: '子豪',
    height: 178,
    education: 'bachelor',
    city: '常州市武进区',
    occupation: '数控机床工程师',
    intro: '爱跑步，跑过两次常州西太湖半马。做事认真，会做几道拿手菜。',
    contact: { kind: 'wechat', value: 'zihao_runs' },
    visibility: ALL_PARTICIPANTS,
  },
  {
    openid: 'demo-mm-m2',
    name: '邵俊杰',
    orgId: 'org-cz-transport-g1',
    birth: '19910921',
    seq: '159',
    cardNo: 'CZ2020000206',
    nickname: '俊杰',
    height: 175,
    education: 'college',
    city: '常州市钟楼区',
    occupation: '公交驾驶员',
    intro: '开了八年公交，安全行驶无事故。喜欢钓鱼和下象棋。',
    contact: { kind: 'mobile', value: '13961230206' },
    visibility: {},
  },
  {
    openid: 'demo-mm-m3',
    name: '严浩然',
    orgId: 'org-cz-jintan-g1',
    birth: '19950614',
    seq: '171',
    cardNo: 'CZ2023000207',
    nickname: '茶园小严',
    height: 180,
    education: 'bachelor',
    city: '常州市金坛区',
    occupation: '茶叶技术员',
    intro: '在茅山种茶做茶，欢迎来茶园做客。',
    contact: { kind: 'wechat', value: 'haoran_tea' },
    visibility: { birthYear: 'nobody' },
  },
  {
    openid: 'demo-mm-m4',
    name: '戴明轩',
    orgId: 'org-cz-xinbei-g3',
    birth: '19900208',
    seq: '193',
    cardNo: 'CZ2021000208',
    nickname: '明轩',
    height: 172,
    education: 'master',
    city: '常州市新北区',
    occupation: '化工工艺工程师',
    intro: '安全生产是头等大事；业余喜欢摄影。',
    contact: { kind: 'wechat', value: 'mingxuan_photo' },
    visibility: {},
    paused: true,
  },
];

/** 陈晓燕, the demo member: a profile too, so that 单身联谊 can be tried as her (she took part last week). */
export const CHEN_PROFILE = {
  nickname: '晓燕',
  height: 164,
  education: 'college' as Education,
  city: '常州市武进区',
  occupation: '精密机械装配工',
  intro: '在湖塘上班，喜欢做手工和看电影，周末常去西太湖骑行。',
  contact: { kind: 'wechat' as const, value: 'xiaoyan_ride' },
  visibility: {} as Partial<Record<ProfileField, Visibility>>,
};

export interface DemoEvent {
  id: string;
  title: (year: number) => string;
  orgId: string;
  place: string;
  description: string;
  /** Days from seeding (China time): the sign-up window, the day and the hours. */
  window: [number, number];
  day: number;
  hours: [number, number];
  capacity: number;
  seats: { M: number; F: number };
  age?: [number, number];
  review: boolean;
  requireConfirmedSingle: boolean;
  pickLimit: number;
  fee: string;
  /** Who signed up (openid → status); past events: everyone checked in. */
  enrolled: Array<[string, 'approved' | 'pending']>;
}

/** 七夕 (the 7th day of the 7th lunar month) in the Gregorian calendar. */
export const QIXI = [
  '2025-08-29',
  '2026-08-19',
  '2027-08-08',
  '2028-08-26',
  '2029-08-16',
  '2030-08-05',
  '2031-08-24',
  '2032-08-12',
];

export const EVENTS = (qixiDay: number): DemoEvent[] => [
  {
    id: 'mm-demo-youth',
    title: () => '常州市青年职工交友联谊会',
    orgId: 'org-cz',
    place: '常州市工人文化宫三楼多功能厅',
    description:
      '市总工会“工会红娘”为全市单身青年职工搭建的交友平台：破冰游戏、分组交流、才艺展示和自由交谈。参加者均为实名认证的工会会员，资料按本人设置的范围展示，活动结束后可在小程序中私下互选，互选成功才交换联系方式。',
    window: [-3, 10],
    day: 14,
    hours: [14, 17],
    capacity: 60,
    seats: { M: 30, F: 30 },
    age: [22, 40],
    review: true,
    requireConfirmedSingle: false,
    pickLimit: 3,
    fee: '免费（含茶歇）',
    enrolled: [
      ['demo-mm-f1', 'approved'],
      ['demo-mm-m1', 'approved'],
      ['demo-mm-f3', 'pending'],
      ['demo-mm-m3', 'pending'],
    ],
  },
  {
    id: 'mm-demo-qixi',
    title: (y) => `${y}年七夕·“鹊桥有约”单身职工联谊会`,
    orgId: 'org-cz',
    place: '常州市天宁区红梅公园红梅阁前草坪',
    description:
      '七夕之夜，在红梅公园的灯光与音乐中相识：分组游园、猜灯谜、手作同心结。本场要求单位工会确认单身状态，请报名前在“我的交友资料”中申请确认。',
    window: [qixiDay - 40, qixiDay - 3],
    day: qixiDay,
    hours: [18, 21],
    capacity: 40,
    seats: { M: 20, F: 20 },
    age: [24, 45],
    review: true,
    requireConfirmedSingle: true,
    pickLimit: 3,
    fee: '每人20元（含手作材料）',
    enrolled: [],
  },
  {
    id: 'mm-demo-ride',
    title: () => '武进区单身职工西太湖骑行交友',
    orgId: 'org-cz-wujin',
    place: '常州市武进区西太湖湿地公园南门',
    description: '环西太湖骑行约15公里，沿途设趣味打卡点，午餐后分组交流。请自备或租用自行车，工会提供头盔和保险。',
    window: [-1, 20],
    day: 24,
    hours: [9, 15],
    capacity: 30,
    seats: { M: 15, F: 15 },
    review: false,
    requireConfirmedSingle: false,
    pickLimit: 2,
    fee: '工会承担午餐和保险',
    enrolled: [['demo-mm-m1', 'approved']],
  },
  {
    id: 'mm-demo-autumn',
    title: () => '常州市青年职工交友联谊会（秋季场）',
    orgId: 'org-cz',
    place: '常州市工人文化宫三楼多功能厅',
    description: '上一场青年职工交友联谊会。活动已结束，签到参加的会员可在互选开放期间查看同场参加者并私下互选。',
    window: [-20, -5],
    day: -1,
    hours: [14, 17],
    capacity: 40,
    seats: { M: 20, F: 20 },
    age: [22, 40],
    review: false,
    requireConfirmedSingle: false,
    pickLimit: 3,
    fee: '免费（含茶歇）',
    enrolled: [
      ['demo-member-01', 'approved'],
      ['demo-mm-f1', 'approved'],
      ['demo-mm-f2', 'approved'],
      ['demo-mm-f3', 'approved'],
      ['demo-mm-m1', 'approved'],
      ['demo-mm-m2', 'approved'],
      ['demo-mm-m3', 'approved'],
      ['demo-mm-m4', 'approved'],
    ],
  },
];
