/**
 * The 技能竞赛 demo plan (used only by demo.ts, never by the function): 常州市第十六届职工职业技能竞赛 with
 * 市一级 and 市二级 events by trade, dated around the moment of seeding, and the fictional members who take
 * part. Every person here is fictional.
 */
import type { EnrollmentStatus, UnitStatus } from '../enrollment/engine';
import type { CertLevel, EventFields } from './records';

export const COMPETITION_ID = 'cmp-demo-cz16';
/** A unit's union staffer (湖塘精密机械 工会) who confirms its members' registrations (单位推荐). */
export const UNIT_STAFF = { openid: 'demo-staff-huatang', orgId: 'org-cz-wujin-g1', name: '顾红梅' };

export interface DemoEntrant {
  openid: string;
  name: string;
  orgId: string;
  birth: string;
  seq: string;
  cardNo: string;
}

export const ENTRANTS: DemoEntrant[] = [
  ['demo-cmp-01', '朱振华', 'org-cz-wujin-g1', '19860305', '131'],
  ['demo-cmp-02', '钱海涛', 'org-cz-wujin-g1', '19890812', '153'],
  ['demo-cmp-03', '邵国栋', 'org-cz-wujin-g1', '19911120', '177'],
  ['demo-cmp-04', '许丽君', 'org-cz-wujin-g2', '19880417', '264'],
  ['demo-cmp-05', '潘建新', 'org-cz-tianning-g1', '19830928', '119'],
  ['demo-cmp-06', '吕晓峰', 'org-cz-zhonglou-g1', '19900106', '135'],
  ['demo-cmp-07', '唐春燕', 'org-cz-xinbei-g1', '19920715', '286'],
  ['demo-cmp-08', '葛志远', 'org-cz-xinbei-g3', '19850222', '157'],
  ['demo-cmp-09', '范永强', 'org-cz-jintan-g2', '19780614', '193'],
  ['demo-cmp-10', '彭金龙', 'org-cz-jintan-g2', '19810330', '115'],
  ['demo-cmp-11', '鲁红英', 'org-cz-liyang-g2', '19870909', '248'],
  ['demo-cmp-12', '韦立新', 'org-cz-transport-g1', '19840518', '171'],
  ['demo-cmp-13', '昌文静', 'org-cz-jintan-g1', '19950224', '222'],
  ['demo-cmp-14', '马宏伟', 'org-cz-express-g2', '19930801', '139'],
  ['demo-cmp-15', '苗淑芬', 'org-cz-tianning-g2', '19760412', '266'],
  ['demo-cmp-16', '方卫国', 'org-cz-wujin-g3', '19820707', '151'],
].map(([openid, name, orgId, birth, seq], i) => ({
  openid,
  name,
  orgId,
  birth,
  seq,
  cardNo: `CZ202200${String(301 + i).padStart(4, '0')}`,
}));

/** The demo member (陈晓燕, config/demo-identities.json). */
export const CHEN = 'demo-member-01';

export interface DemoRegistration {
  openid: string;
  status: EnrollmentStatus;
  unitStatus?: UnitStatus;
  years: number;
  cert: CertLevel;
  rejectReason?: string;
  /** Team events: the team's name and members (openids) who accepted. */
  team?: { name: string; members: string[] };
  /** Scored events: theory and practical (null = absent). */
  score?: [number, number] | null;
}

export interface DemoEvent {
  id: string;
  title: string;
  fields: Omit<EventFields, 'competitionId' | 'competitionTitle'>;
  place: string;
  description: string;
  status: 'draft' | 'open' | 'closed';
  /** Days from seeding: registration window, and the contest day. */
  window: [number, number];
  day: number;
  capacity: number;
  unitCap: number;
  registrations: DemoRegistration[];
  /** Results: 公示 still open, or final. */
  results?: 'publicity' | 'final';
  /** Invitations to members still waiting for an answer: [captain openid, invitee openid]. */
  invitations?: Array<[string, string]>;
}

const PRIZES = [
  { name: '一等奖', count: 1 },
  { name: '二等奖', count: 2 },
  { name: '三等奖', count: 3 },
];
const HONOUR = [{ name: '常州市技术能手', topRanks: 3, minTotal: 75 }];
const individual = (trade: string, level: 'city1' | 'city2', years: number, cert: CertLevel, theory = 30) => ({
  trade,
  level,
  format: 'individual' as const,
  minTradeYears: years,
  minCertLevel: cert,
  certPhotoRequired: cert !== 'none',
  ageMin: 18,
  ageMax: 55,
  weights: { theory, practical: 100 - theory },
  prizes: PRIZES,
  honours: level === 'city1' ? HONOUR : [],
});

export const EVENTS: DemoEvent[] = [
  {
    id: 'cmp-demo-cnc',
    title: '数控车工（市一级）',
    fields: individual('数控车工', 'city1', 3, 'intermediate'),
    place: '常州技师学院智能制造实训中心',
    description: '理论知识考试（闭卷，90分钟）与实际操作考核（零件数控车削加工，240分钟），按理论30%、实操70%计总成绩。',
    status: 'open',
    window: [-6, 12],
    day: 30,
    capacity: 60,
    unitCap: 5,
    registrations: [
      { openid: CHEN, status: 'pending', unitStatus: 'confirmed', years: 6, cert: 'senior' },
      { openid: 'demo-cmp-01', status: 'pending', unitStatus: 'waiting', years: 9, cert: 'technician' },
      { openid: 'demo-cmp-05', status: 'approved', unitStatus: 'confirmed', years: 12, cert: 'technician' },
      { openid: 'demo-cmp-06', status: 'approved', unitStatus: 'confirmed', years: 7, cert: 'senior' },
      {
        openid: 'demo-cmp-08',
        status: 'rejected',
        unitStatus: 'declined',
        years: 4,
        cert: 'intermediate',
        rejectReason: '所在单位工会未推荐：本年度已推荐其他职工参赛',
      },
    ],
  },
  {
    id: 'cmp-demo-electrician',
    title: '电工（市一级·团体赛）',
    fields: { ...individual('电工', 'city1', 3, 'intermediate', 40), format: 'team', teamSize: { min: 3, max: 3 } },
    place: '常州市职业教育实训基地',
    description: '以单位组队参赛，每队3人（含队长）；团体成绩为理论（40%）与配电柜安装调试实操（60%）之和。',
    status: 'open',
    window: [-4, 14],
    day: 35,
    capacity: 20,
    unitCap: 2,
    registrations: [
      {
        openid: 'demo-cmp-02',
        status: 'pending',
        unitStatus: 'waiting',
        years: 8,
        cert: 'senior',
        team: { name: '湖塘精机电工队', members: ['demo-cmp-03'] },
      },
      {
        openid: 'demo-cmp-12',
        status: 'pending',
        unitStatus: 'confirmed',
        years: 11,
        cert: 'technician',
        team: { name: '公交维保电工队', members: [] },
      },
    ],
    invitations: [['demo-cmp-02', CHEN]],
  },
  {
    id: 'cmp-demo-farm',
    title: '农机修理工（市一级）',
    fields: individual('农机修理工', 'city1', 3, 'intermediate', 30),
    place: '金坛区农业机械化技术推广站',
    description: '拖拉机、联合收割机故障诊断与排除，理论30%、实操70%。',
    status: 'closed',
    window: [-40, -25],
    day: -10,
    capacity: 30,
    unitCap: 5,
    results: 'publicity',
    registrations: [
      { openid: 'demo-cmp-09', status: 'approved', unitStatus: 'confirmed', years: 20, cert: 'technician', score: [86, 92] },
      { openid: 'demo-cmp-10', status: 'approved', unitStatus: 'confirmed', years: 15, cert: 'senior', score: [80, 90] },
      { openid: 'demo-cmp-13', status: 'approved', unitStatus: 'confirmed', years: 5, cert: 'intermediate', score: [87, 87] },
      { openid: 'demo-cmp-11', status: 'approved', unitStatus: 'confirmed', years: 9, cert: 'senior', score: [72, 81] },
      { openid: 'demo-cmp-16', status: 'approved', unitStatus: 'confirmed', years: 6, cert: 'intermediate', score: null },
    ],
  },
  {
    id: 'cmp-demo-fitter',
    title: '钳工（市二级）',
    fields: individual('钳工', 'city2', 2, 'junior', 30),
    place: '常州运河智能装备有限公司实训车间',
    description: '锉削、钻孔、装配综合件加工，理论30%、实操70%。',
    status: 'closed',
    window: [-70, -55],
    day: -40,
    capacity: 30,
    unitCap: 5,
    results: 'final',
    registrations: [
      { openid: 'demo-cmp-06', status: 'approved', unitStatus: 'confirmed', years: 7, cert: 'senior', score: [91, 94] },
      { openid: CHEN, status: 'approved', unitStatus: 'confirmed', years: 6, cert: 'senior', score: [88, 90] },
      { openid: 'demo-cmp-04', status: 'approved', unitStatus: 'confirmed', years: 5, cert: 'intermediate', score: [79, 85] },
      { openid: 'demo-cmp-15', status: 'approved', unitStatus: 'confirmed', years: 18, cert: 'senior', score: [70, 76] },
    ],
  },
  {
    id: 'cmp-demo-tea',
    title: '茶艺师（市二级）',
    fields: individual('茶艺师', 'city2', 1, 'none', 40),
    place: '金坛茅山茶业有限公司',
    description: '茶艺礼仪、冲泡技艺与茶席设计，理论40%、实操60%。',
    status: 'open',
    window: [-5, 9],
    day: 25,
    capacity: 3,
    unitCap: 3,
    registrations: [
      { openid: 'demo-cmp-13', status: 'pending', unitStatus: 'confirmed', years: 4, cert: 'junior' },
      { openid: 'demo-cmp-07', status: 'approved', unitStatus: 'confirmed', years: 3, cert: 'intermediate' },
      { openid: 'demo-cmp-11', status: 'approved', unitStatus: 'confirmed', years: 6, cert: 'senior' },
      { openid: 'demo-cmp-04', status: 'waitlisted', unitStatus: 'waiting', years: 2, cert: 'junior' },
    ],
  },
  {
    id: 'cmp-demo-elderly',
    title: '养老护理员（市二级）',
    fields: individual('养老护理员', 'city2', 1, 'junior', 40),
    place: '常州市社会福利院实训室',
    description: '生活照护、基础护理与康复服务，理论40%、实操60%。',
    status: 'open',
    window: [-3, 16],
    day: 40,
    capacity: 40,
    unitCap: 5,
    registrations: [{ openid: 'demo-cmp-15', status: 'pending', unitStatus: 'waiting', years: 10, cert: 'intermediate' }],
  },
  {
    id: 'cmp-demo-express',
    title: '快递员（市二级）',
    fields: individual('快递员', 'city2', 1, 'none', 40),
    place: '常州某快递武进分拨中心',
    description: '快件收寄、分拣与派送服务规范，理论40%、实操60%。',
    status: 'open',
    window: [5, 20],
    day: 45,
    capacity: 40,
    unitCap: 5,
    registrations: [],
  },
  {
    id: 'cmp-demo-robot',
    title: '工业机器人系统运维员（市一级）',
    fields: individual('工业机器人系统运维员', 'city1', 2, 'intermediate', 30),
    place: '常州机电职业技术学院',
    description: '工业机器人系统安装调试、编程与维护，理论30%、实操70%。',
    status: 'draft',
    window: [10, 30],
    day: 60,
    capacity: 40,
    unitCap: 5,
    registrations: [],
  },
];
