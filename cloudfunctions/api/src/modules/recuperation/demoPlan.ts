/**
 * The 疗休养 demo plan (used only by demo.ts, never by the function): a year of Changzhou-area trips and the
 * fictional members who take part. Every person here is fictional.
 */
import type { ActivityRecord, EnrollmentStatus, FormField } from '../enrollment/engine';
import type { RecuperationFields } from './records';

export interface DemoMember {
  openid: string;
  name: string;
  orgId: string;
  birth: string;
  seq: string;
  cardNo: string;
  tags: string[];
  /** Years ago they last went on a trip (none = never). */
  attendedYearsAgo?: number;
}

export const MEMBERS: DemoMember[] = [
  {
    openid: 'demo-rec-01',
    name: '周建华',
    orgId: 'org-cz-wujin-g1',
    birth: '19760412',
    seq: '113',
    cardNo: 'CZ2021000101',
    tags: ['model'],
  },
  {
    openid: 'demo-rec-02',
    name: '钱卫东',
    orgId: 'org-cz-tianning-g1',
    birth: '19790903',
    seq: '135',
    cardNo: 'CZ2021000102',
    tags: ['advanced', 'frontline'],
  },
  {
    openid: 'demo-rec-03',
    name: '孙丽萍',
    orgId: 'org-cz-xinbei-g1',
    birth: '19880621',
    seq: '146',
    cardNo: 'CZ2022000103',
    tags: ['frontline'],
  },
  {
    openid: 'demo-rec-04',
    name: '吴海燕',
    orgId: 'org-cz-xinbei-g3',
    birth: '19850117',
    seq: '228',
    cardNo: 'CZ2022000104',
    tags: ['hazardous'],
  },
  {
    openid: 'demo-rec-05',
    name: '郑国强',
    orgId: 'org-cz-transport-g1',
    birth: '19811030',
    seq: '151',
    cardNo: 'CZ2020000105',
    tags: ['frontline'],
  },
  {
    openid: 'demo-rec-06',
    name: '冯志刚',
    orgId: 'org-cz-jintan-g1',
    birth: '19900215',
    seq: '171',
    cardNo: 'CZ2023000106',
    tags: ['frontline'],
  },
  {
    openid: 'demo-rec-07',
    name: '蒋文娟',
    orgId: 'org-cz-zhonglou-g1',
    birth: '19920808',
    seq: '262',
    cardNo: 'CZ2023000107',
    tags: ['frontline'],
  },
  {
    openid: 'demo-rec-08',
    name: '沈建平',
    orgId: 'org-cz-liyang-g1',
    birth: '19720319',
    seq: '193',
    cardNo: 'CZ2019000108',
    tags: ['model'],
    attendedYearsAgo: 1,
  },
  {
    openid: 'demo-rec-09',
    name: '韩雪梅',
    orgId: 'org-cz-wujin-g2',
    birth: '19870526',
    seq: '284',
    cardNo: 'CZ2021000109',
    tags: ['frontline'],
  },
  {
    openid: 'demo-rec-10',
    name: '杨志明',
    orgId: 'org-cz-freight-g1',
    birth: '19830711',
    seq: '115',
    cardNo: 'CZ2022000110',
    tags: ['hazardous'],
  },
];

export const FORM: FormField[] = [
  { key: 'emergency', label: '紧急联系人及电话', type: 'text', required: true, maxLength: 40 },
  { key: 'diet', label: '饮食禁忌', type: 'choice', required: false, options: ['无', '清真', '素食', '其他'] },
  { key: 'health', label: '身体状况', type: 'choice', required: true, options: ['良好，能适应行程', '有慢性病，已遵医嘱备药'] },
];

export const ITINERARY = (base: string) => [
  { day: 1, title: '集合出发', detail: `上午在市工人文化宫集合乘车前往${base}，下午入住、健康讲座` },
  { day: 2, title: '健康体检与康养', detail: '基地职工健康体检、中医理疗、八段锦晨练' },
  { day: 3, title: '劳模精神与红色教育', detail: '参观劳模事迹展、红色教育基地，开展交流座谈' },
  { day: 4, title: '自然康养', detail: '山水步道徒步、茶园采风，晚间职工文艺联欢' },
  { day: 5, title: '返程', detail: '上午总结分享，午餐后返回常州' },
];

export type TripSpec = {
  id: string;
  title: (year: number) => string;
  orgId: string;
  base: string;
  place: string;
  /** Days from seeding: sign-up window and start; `days` long. */
  window: [number, number];
  start: number;
  days: number;
  capacity: number;
  mode: ActivityRecord['mode'];
  status: ActivityRecord['status'];
  targetGroups: RecuperationFields['targetGroups'];
  priorityGroups?: string[];
  everyYears: number;
  quotas?: Array<{ group: string; label: string; seats: number }>;
  review: boolean;
  companions?: RecuperationFields['companions'];
  fee: string;
  description: string;
  /** Enrollments: member openid → status. */
  enrolled?: Array<[string, EnrollmentStatus]>;
  publicityDays?: number;
};

export const TRIPS: TripSpec[] = [
  {
    id: 'rec-demo-model-tianmu',
    title: (y) => `${y}年劳模疗休养（第一批）·溧阳天目湖`,
    orgId: 'org-cz',
    base: '溧阳天目湖职工疗休养基地',
    place: '溧阳市天目湖镇',
    window: [-5, 20],
    start: 45,
    days: 5,
    capacity: 20,
    mode: 'nomination',
    status: 'open',
    targetGroups: ['model'],
    everyYears: 3,
    quotas: [
      { group: 'org:org-cz-tianning', label: '天宁区总工会', seats: 4 },
      { group: 'org:org-cz-zhonglou', label: '钟楼区总工会', seats: 3 },
      { group: 'org:org-cz-xinbei', label: '新北区总工会', seats: 4 },
      { group: 'org:org-cz-wujin', label: '武进区总工会', seats: 4 },
      { group: 'org:org-cz-jintan', label: '金坛区总工会', seats: 2 },
      { group: 'org:org-cz-liyang', label: '溧阳市总工会', seats: 3 },
    ],
    review: false,
    fee: '工会全额承担，往返统一乘车',
    description:
      '市总工会组织市级以上劳动模范、先进工作者赴溧阳天目湖职工疗休养基地开展为期五天的疗休养活动，由各辖市（区）总工会按名额推荐。',
    enrolled: [['demo-rec-01', 'approved']],
  },
  {
    id: 'rec-demo-frontline-maoshan-1',
    title: (y) => `${y}年一线职工疗休养（第一期）·金坛茅山`,
    orgId: 'org-cz',
    base: '金坛茅山职工疗休养基地',
    place: '常州市金坛区茅山风景区',
    window: [-2, 10],
    start: 30,
    days: 4,
    capacity: 30,
    mode: 'fcfs',
    status: 'open',
    targetGroups: ['frontline', 'hazardous', 'never'],
    everyYears: 3,
    review: true,
    fee: '工会全额补助，个人无需缴费',
    description:
      '面向生产一线职工、从事苦脏累险工作的职工和从未参加过疗休养的职工，先到先得，报名后由市总工会审核。名额满后可登记候补，有人取消时按顺序递补。',
    enrolled: [
      ['demo-rec-03', 'approved'],
      ['demo-rec-05', 'pending'],
      ['demo-rec-06', 'approved'],
    ],
  },
  {
    id: 'rec-demo-yrd-hangzhou',
    title: (y) => `${y}年长三角职工疗休养·杭州西湖`,
    orgId: 'org-cz',
    base: '杭州西湖职工疗休养基地',
    place: '浙江省杭州市西湖区',
    window: [-1, 14],
    start: 40,
    days: 5,
    capacity: 40,
    mode: 'lottery',
    status: 'open',
    targetGroups: ['frontline', 'hazardous', 'never'],
    priorityGroups: ['never', 'hazardous', 'frontline'],
    everyYears: 3,
    review: false,
    companions: { allowed: true, max: 1, note: '可携一位家属同行，家属费用自理' },
    fee: '工会补助每人2000元，超出部分自理；同行家属费用自理',
    description:
      '长三角一体化职工疗休养交流活动。报名截止后公开抽签，从未参加过疗休养的职工优先，其次为苦脏累险岗位职工和一线职工；抽签种子与结果向全体会员公布，可自行复核。',
    enrolled: [['demo-rec-09', 'applied']],
  },
  {
    id: 'rec-demo-yrd-suzhou',
    title: (y) => `${y}年长三角职工疗休养·苏州太湖`,
    orgId: 'org-cz',
    base: '苏州太湖职工疗休养基地',
    place: '江苏省苏州市吴中区',
    window: [20, 35],
    start: 60,
    days: 4,
    capacity: 35,
    mode: 'fcfs',
    status: 'open',
    targetGroups: ['frontline', 'never'],
    everyYears: 2,
    review: false,
    fee: '工会全额补助',
    description: '赴苏州太湖职工疗休养基地，体验江南园林与太湖康养，报名开始后先到先得。',
  },
  {
    id: 'rec-demo-huangshan',
    title: (y) => `${y}年一线职工疗休养·黄山`,
    orgId: 'org-cz',
    base: '黄山职工疗休养基地',
    place: '安徽省黄山市',
    window: [-30, -5],
    start: 10,
    days: 5,
    capacity: 6,
    mode: 'fcfs',
    status: 'closed',
    targetGroups: ['frontline', 'hazardous'],
    everyYears: 3,
    review: true,
    fee: '工会全额补助',
    description: '赴黄山职工疗休养基地开展康养与红色教育活动。报名已截止，参加名单公示中，如有异议请在公示期内提出。',
    enrolled: [
      ['demo-member-01', 'approved'],
      ['demo-rec-02', 'approved'],
      ['demo-rec-04', 'approved'],
      ['demo-rec-07', 'approved'],
      ['demo-rec-10', 'approved'],
      ['demo-rec-03', 'approved'],
    ],
    publicityDays: 5,
  },
  {
    id: 'rec-demo-wujin-tianmu',
    title: (y) => `武进区${y}年一线职工疗休养·溧阳天目湖`,
    orgId: 'org-cz-wujin',
    base: '溧阳天目湖职工疗休养基地',
    place: '溧阳市天目湖镇',
    window: [-3, 12],
    start: 35,
    days: 3,
    capacity: 25,
    mode: 'fcfs',
    status: 'open',
    targetGroups: ['frontline', 'hazardous', 'never'],
    everyYears: 3,
    quotas: [
      { group: 'org:org-cz-wujin-g1', label: '常州湖塘精密机械有限公司工会', seats: 8 },
      { group: 'org:org-cz-wujin-g2', label: '武进区牛塘镇总工会', seats: 8 },
      { group: 'org:org-cz-wujin-g3', label: '常州淹城文旅发展有限公司工会', seats: 9 },
    ],
    review: false,
    fee: '区总工会全额补助',
    description:
      '武进区总工会组织区内一线职工赴溧阳天目湖开展三日疗休养，按基层工会分配名额，各单位名额用完后不再接受该单位报名。',
  },
  {
    id: 'rec-demo-frontline-maoshan-2',
    title: (y) => `${y}年一线职工疗休养（第二期）·金坛茅山`,
    orgId: 'org-cz',
    base: '金坛茅山职工疗休养基地',
    place: '常州市金坛区茅山风景区',
    window: [120, 135],
    start: 160,
    days: 4,
    capacity: 30,
    mode: 'fcfs',
    status: 'draft',
    targetGroups: ['frontline', 'hazardous', 'never'],
    everyYears: 3,
    review: true,
    fee: '工会全额补助',
    description: '第二期一线职工疗休养，计划于秋季开展，报名时间另行通知。',
  },
  {
    id: 'rec-demo-model-huangshan-past',
    title: (y) => `${y}年劳模疗休养·黄山`,
    orgId: 'org-cz',
    base: '黄山职工疗休养基地',
    place: '安徽省黄山市',
    window: [-420, -400],
    start: -380,
    days: 5,
    capacity: 20,
    mode: 'nomination',
    status: 'closed',
    targetGroups: ['model'],
    everyYears: 3,
    review: false,
    fee: '工会全额承担',
    description: '上一年度劳模疗休养活动（已结束）。',
    enrolled: [['demo-rec-08', 'approved']],
  },
];
