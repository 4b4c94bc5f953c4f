/**
 * The app's one list of areas. Each entry names its subpackage and pages (with their titles), the tiles it
 * puts on 首页 and 服务, its 工作台 tiles, the kinds it writes to 我的申请 and its subscribe-message templates.
 * Everything else is derived from it: the routes (utils/nav.ts), the subpackage list (app.config.ts, read by
 * Taro at build time — so this file imports nothing that runs), the grids and the 我的 template list.
 *
 * A new area = one entry here + its folder under src/packages/. Areas not built yet carry tiles without a
 * route: they show 即将开放.
 */
import type { GrantableRole } from '@rules/roles';

export interface PageDef {
  /** Path inside the subpackage, e.g. `apply/index`. */
  path: string;
  /** Navigation-bar title (weapp) and the H5 title bar. */
  title: string;
}

export interface Tile {
  key: string;
  label: string;
  /** One character shown in the tile's badge. */
  icon: string;
  /** A route name (see ROUTES); absent = coming soon. */
  route?: string;
  home?: boolean;
  services?: boolean;
}

export interface WorkbenchTile {
  key: string;
  label: string;
  /** One character in the tile's badge: no two tiles of 服务 share one (a unit test holds it). */
  icon: string;
  route: string;
  /** Who sees it (administrators see every tile). */
  roles: readonly GrantableRole[];
  /** Key of `workbench.summary` counts shown as a badge (e.g. applications waiting). */
  count?: string;
  /** A query the page is opened with (e.g. `tab=files`: the page's tab the count is about). */
  query?: string;
}

export interface Feature {
  key: string;
  /**
   * The server area (module) whose switch in the union's settings (`settings.get` → areas) turns this feature
   * off: its tiles, 工作台 tiles and pages disappear. Features without one never switch off.
   */
  area?: string;
  /** Subpackage root, e.g. `packages/membership`. */
  root?: string;
  pages?: Record<string, PageDef>;
  tiles?: readonly Tile[];
  workbench?: readonly WorkbenchTile[];
  /** Timeline kinds this area writes to 我的申请 → their labels. */
  timeline?: Record<string, string>;
  /**
   * Subscribe-message requests, by the moment the app asks (the tap that completes an action, e.g. applying):
   * moment → template keys (ids: SUBSCRIBE_TEMPLATE_IDS). WeChat takes at most MAX_TEMPLATES_PER_REQUEST per request.
   */
  subscribe?: Record<string, readonly string[]>;
  /** Links the area puts in 我的 for members (e.g. 我的竞赛与获奖: registrations and awards on the profile). */
  me?: readonly MeLink[];
}

export interface MeLink {
  key: string;
  label: string;
  route: string;
}

/** The four tab pages (main package). */
export const TABS = {
  home: { path: 'pages/index/index', title: '首页', icon: 'home' },
  discounts: { path: 'pages/discounts/index', title: '优惠', icon: 'discounts' },
  services: { path: 'pages/services/index', title: '服务', icon: 'services' },
  me: { path: 'pages/me/index', title: '我的', icon: 'me' },
} as const;

/** The tab bar's colours: WeChat's own bar on weapp reads them from app.config.ts, the app's own bar from here. */
export const TAB_BAR_COLORS = { color: '#7a7a7a', selectedColor: '#c8161d', backgroundColor: '#ffffff' } as const;

const STAFF = ['staff'] as const;
const ADMIN_ONLY = [] as const;

export const FEATURES = [
  {
    key: 'membership',
    area: 'membership',
    root: 'packages/membership',
    pages: {
      apply: { path: 'apply/index', title: '入会申请' },
      applicationStatus: { path: 'status/index', title: '入会申请进度' },
      transfer: { path: 'transfer/index', title: '会员转会' },
    },
    tiles: [
      { key: 'apply', label: '入会申请', icon: '入', route: 'apply', home: true, services: true },
      { key: 'transfer', label: '会员转会', icon: '转', route: 'transfer', services: true },
    ],
    timeline: { membership: '入会申请', transfer: '会员转会' },
    subscribe: { membershipApply: ['membership_status'], transferRequest: ['transfer_status'] },
  },
  {
    key: 'card',
    area: 'card',
    root: 'packages/card',
    pages: { card: { path: 'index', title: '电子工会卡' } },
    tiles: [{ key: 'card', label: '电子工会卡', icon: '卡', route: 'card', services: true }],
  },
  {
    key: 'notices',
    root: 'packages/notices',
    pages: {
      noticeList: { path: 'list/index', title: '工会动态' },
      noticeDetail: { path: 'detail/index', title: '工会动态' },
      noticeManage: { path: 'manage/index', title: '动态管理' },
      noticeEdit: { path: 'edit/index', title: '编辑动态' },
    },
    workbench: [{ key: 'notices', label: '工会动态', icon: '讯', route: 'noticeManage', roles: STAFF }],
  },
  {
    key: 'staff',
    root: 'packages/staff',
    pages: {
      staffReviews: { path: 'reviews/index', title: '入会审核' },
      staffReviewDetail: { path: 'review-detail/index', title: '申请详情' },
      staffTransfers: { path: 'transfers/index', title: '转会审核' },
      staffRoles: { path: 'roles/index', title: '角色管理' },
      staffAudit: { path: 'audit/index', title: '操作日志' },
      staffSetup: { path: 'setup/index', title: '设置首位管理员' },
    },
    workbench: [
      { key: 'reviews', label: '入会审核', icon: '审', route: 'staffReviews', roles: STAFF, count: 'membershipPending' },
      { key: 'transfers', label: '转会审核', icon: '迁', route: 'staffTransfers', roles: STAFF, count: 'transferPending' },
      { key: 'roles', label: '角色管理', icon: '角', route: 'staffRoles', roles: ADMIN_ONLY },
      { key: 'audit', label: '操作日志', icon: '志', route: 'staffAudit', roles: ADMIN_ONLY },
    ],
    // The daily reminder of what waits past the review deadline (modules/workbench/overdue.ts).
    timeline: { reviewOverdue: '超期待办提醒' },
    subscribe: { staffReview: ['review_overdue'] },
  },
  {
    key: 'orgs',
    root: 'packages/orgs',
    pages: { orgManage: { path: 'manage/index', title: '组织管理' } },
    workbench: [{ key: 'orgs', label: '组织管理', icon: '组', route: 'orgManage', roles: STAFF }],
  },
  {
    key: 'invite',
    root: 'packages/invite',
    pages: {
      inviteCreate: { path: 'create/index', title: '邀请人员' },
      inviteAccept: { path: 'accept/index', title: '接受邀请' },
    },
    workbench: [{ key: 'invite', label: '邀请人员', icon: '邀', route: 'inviteCreate', roles: STAFF }],
  },
  {
    key: 'merchants',
    area: 'merchants',
    root: 'packages/merchants',
    pages: {
      placeDetail: { path: 'detail/index', title: '商户详情' },
      placeMap: { path: 'map/index', title: '地图找优惠' },
      myDiscounts: { path: 'mine/index', title: '我的优惠' },
      counter: { path: 'counter/index', title: '核销台' },
      placesAdmin: { path: 'admin/index', title: '商户管理' },
      placeEdit: { path: 'edit/index', title: '编辑商户' },
      placesImport: { path: 'import/index', title: '批量导入' },
    },
    // The directory itself is the 优惠 tab.
    tiles: [{ key: 'merchant', label: '普惠商户', icon: '惠', route: 'discounts', home: true, services: true }],
    workbench: [
      { key: 'counter', label: '核销台', icon: '销', route: 'counter', roles: ['merchant'], count: 'redemptionsToday' },
      { key: 'places', label: '商户管理', icon: '店', route: 'placesAdmin', roles: STAFF },
    ],
  },
  {
    key: 'about',
    root: 'packages/about',
    pages: {
      about: { path: 'about/index', title: '关于我们' },
      privacy: { path: 'privacy/index', title: '隐私政策' },
      terms: { path: 'terms/index', title: '用户协议' },
    },
  },
  {
    key: 'hardship',
    area: 'hardship',
    root: 'packages/hardship',
    pages: {
      hardshipMine: { path: 'mine/index', title: '困难帮扶' },
      hardshipApply: { path: 'apply/index', title: '申请困难帮扶' },
      hardshipQueue: { path: 'staff/index', title: '困难帮扶审核' },
      hardshipCase: { path: 'case/index', title: '帮扶申请详情' },
      hardshipPublicity: { path: 'publicity/index', title: '困难职工公示' },
    },
    tiles: [{ key: 'hardship', label: '困难帮扶', icon: '帮', route: 'hardshipMine', services: true }],
    workbench: [
      { key: 'hardship', label: '困难帮扶', icon: '困', route: 'hardshipQueue', roles: STAFF, count: 'hardshipOpen' },
      // Files whose yearly re-check falls due within the notice period (or is past): the staff's reminder.
      {
        key: 'hardshipRecheck',
        label: '档案复核',
        icon: '复',
        route: 'hardshipQueue',
        query: 'tab=files',
        roles: STAFF,
        count: 'hardshipRecheckDue',
      },
    ],
    // Each step (入户调查, 认定, help recorded, re-check), asked for as the member applies.
    subscribe: { hardshipApply: ['hardship_status'] },
    timeline: { hardship: '困难帮扶' },
  },
  {
    key: 'studentAid',
    area: 'studentAid',
    root: 'packages/student-aid',
    pages: {
      studentAidMine: { path: 'mine/index', title: '金秋助学' },
      studentAidApply: { path: 'apply/index', title: '申请金秋助学' },
      studentAidGrants: { path: 'grants/index', title: '金秋助学资助公示' },
      studentAidQueue: { path: 'staff/index', title: '金秋助学审核' },
      studentAidCase: { path: 'case/index', title: '助学申请详情' },
    },
    tiles: [{ key: 'studentAid', label: '金秋助学', icon: '学', route: 'studentAidMine', services: true }],
    workbench: [
      { key: 'studentAid', label: '金秋助学', icon: '秋', route: 'studentAidQueue', roles: STAFF, count: 'studentAidOpen' },
    ],
    // Each step (审核, 审定, 公示, 发放), asked for as the member applies.
    subscribe: { studentAidApply: ['student_aid_status'] },
    timeline: { studentAid: '金秋助学' },
  },
  {
    key: 'mutualAid',
    area: 'mutualAid',
    root: 'packages/mutual-aid',
    pages: {
      mutualAid: { path: 'mine/index', title: '医疗互助' },
      mutualAidClaim: { path: 'claim/index', title: '申请医疗互助金' },
      mutualAidQueue: { path: 'staff/index', title: '医疗互助管理' },
      mutualAidReview: { path: 'review/index', title: '理赔详情' },
      mutualAidEnrol: { path: 'enrol/index', title: '会员参保' },
      mutualAidPlan: { path: 'plan/index', title: '设立互助保障方案' },
    },
    tiles: [{ key: 'mutualAid', label: '医疗互助', icon: '医', route: 'mutualAid', services: true }],
    workbench: [
      { key: 'mutualAid', label: '医疗互助', icon: '保', route: 'mutualAidQueue', roles: STAFF, count: 'mutualAidOpen' },
    ],
    // Each step of a claim (核准, 支付, 未予核准), asked for as the member files it.
    subscribe: { mutualAidClaim: ['mutual_aid_status'] },
    timeline: { mutualAid: '医疗互助' },
  },
  {
    key: 'voice',
    area: 'voice',
    root: 'packages/voice',
    pages: {
      voiceMine: { path: 'mine/index', title: '职工建言' },
      voiceReport: { path: 'report/index', title: '提交建言' },
      voiceDetail: { path: 'detail/index', title: '建言详情' },
      voiceQueue: { path: 'staff/index', title: '职工建言办理' },
    },
    tiles: [{ key: 'voice', label: '职工建言', icon: '言', route: 'voiceMine', services: true }],
    workbench: [{ key: 'voice', label: '职工建言', icon: '议', route: 'voiceQueue', roles: STAFF, count: 'voiceOpen' }],
    // Each step (受理, 转交, 答复, 办结, 采纳), asked for as the member submits.
    subscribe: { voiceReport: ['voice_status'] },
    timeline: { voice: '职工建言' },
  },
  {
    key: 'campaigns',
    area: 'campaigns',
    root: 'packages/campaigns',
    pages: {
      campaignsMine: { path: 'mine/index', title: '送温暖·送清凉' },
      campaignsStaff: { path: 'staff/index', title: '送温暖·送清凉管理' },
      campaignsNew: { path: 'new/index', title: '新建慰问活动' },
      campaignsDetail: { path: 'detail/index', title: '发放名单' },
      campaignsHandout: { path: 'handout/index', title: '慰问品发放' },
    },
    tiles: [{ key: 'campaigns', label: '送温暖', icon: '暖', route: 'campaignsMine', services: true }],
    workbench: [{ key: 'campaigns', label: '送温暖·送清凉', icon: '慰', route: 'campaignsStaff', roles: STAFF }],
  },
  {
    key: 'counselling',
    area: 'counselling',
    root: 'packages/counselling',
    pages: {
      counselling: { path: 'index/index', title: '心理咨询' },
      counsellingBook: { path: 'book/index', title: '预约心理咨询' },
      counsellingDetail: { path: 'detail/index', title: '我的心理咨询' },
      counsellingDesk: { path: 'desk/index', title: '咨询台' },
      counsellingSession: { path: 'session/index', title: '咨询预约' },
      counsellingRoomEdit: { path: 'room-edit/index', title: '心理咨询室' },
      counsellingStats: { path: 'stats/index', title: '心理咨询统计' },
    },
    tiles: [{ key: 'counselling', label: '心理咨询', icon: '心', route: 'counselling', services: true }],
    workbench: [
      {
        key: 'counsellingDesk',
        label: '心理咨询台',
        icon: '咨',
        route: 'counselling',
        roles: ['counsellor'],
        count: 'counsellingToday',
      },
      { key: 'counsellingRooms', label: '心理咨询室', icon: '室', route: 'counselling', roles: STAFF },
    ],
    // A session the room cancels (or whose hours it drops), asked for as the member books.
    subscribe: { counsellingBook: ['counselling_status'] },
    timeline: { counselling: '心理咨询预约' },
  },
  {
    key: 'legalAid',
    area: 'legalAid',
    root: 'packages/legal-aid',
    pages: {
      legalAid: { path: 'index/index', title: '法律援助' },
      legalAidBook: { path: 'book/index', title: '预约法律咨询' },
      legalAidMine: { path: 'mine/index', title: '我的预约' },
      legalAidDetail: { path: 'detail/index', title: '预约详情' },
      legalAidDesk: { path: 'desk/index', title: '值班台' },
      legalAidCase: { path: 'case/index', title: '咨询详情' },
      legalAidSlots: { path: 'slots/index', title: '值班安排' },
      legalAidRoster: { path: 'roster/index', title: '每周值班表' },
      legalAidStationEdit: { path: 'station-edit/index', title: '法律援助站' },
    },
    tiles: [{ key: 'legal', label: '法律援助', icon: '法', route: 'legalAid', home: true, services: true }],
    workbench: [
      { key: 'legalDesk', label: '法援值班台', icon: '援', route: 'legalAidDesk', roles: ['lawyer'], count: 'legalAidToday' },
      { key: 'legalRoster', label: '法援值班表', icon: '表', route: 'legalAid', roles: ['lawyer', 'staff'] },
    ],
    // Status changes (暂停接待/取消值班, 改约, outcome) and the day-before reminder, asked for as the member books.
    subscribe: { legalAidBook: ['legal_aid_status', 'legal_aid_reminder'] },
    timeline: { legalAid: '法律援助预约', legalAidReminder: '法律援助预约提醒' },
  },
  {
    key: 'legalQa',
    area: 'legalQa',
    root: 'packages/legal-qa',
    pages: {
      legalQa: { path: 'index/index', title: '线上法律咨询' },
      legalQaAsk: { path: 'ask/index', title: '我要咨询' },
      legalQaThread: { path: 'thread/index', title: '咨询详情' },
      legalQaWageReport: { path: 'wage-report/index', title: '欠薪求助' },
      legalQaWage: { path: 'wage/index', title: '欠薪求助详情' },
      legalQaDesk: { path: 'desk/index', title: '线上咨询答复' },
      legalQaStaff: { path: 'staff/index', title: '法律咨询与欠薪' },
    },
    tiles: [{ key: 'legalQa', label: '线上法律咨询', icon: '问', route: 'legalQa', services: true }],
    workbench: [
      { key: 'legalQaDesk', label: '线上咨询答复', icon: '答', route: 'legalQaDesk', roles: ['lawyer'], count: 'legalQaWaiting' },
      { key: 'legalQaStaff', label: '欠薪与咨询督办', icon: '督', route: 'legalQaStaff', roles: STAFF, count: 'legalQaWages' },
    ],
    // The answers and each 欠薪 step, asked for as the member asks or reports; the lawyer's reminder as they answer.
    subscribe: { legalQaAsk: ['legal_qa_status'], legalQaWageReport: ['legal_qa_status'], legalQaAnswer: ['legal_qa_reminder'] },
    timeline: { legalQa: '线上法律咨询', legalQaWage: '欠薪求助', legalQaReminder: '法律咨询待答复提醒' },
  },
  {
    key: 'recuperation',
    area: 'recuperation',
    root: 'packages/recuperation',
    pages: {
      recuperation: { path: 'list/index', title: '疗休养' },
      recuperationDetail: { path: 'detail/index', title: '疗休养详情' },
      recuperationSignUp: { path: 'signup/index', title: '疗休养报名' },
      recuperationMine: { path: 'mine/index', title: '我的疗休养报名' },
      recuperationPublicity: { path: 'publicity/index', title: '公示名单' },
      recuperationDraw: { path: 'draw/index', title: '抽签结果' },
      recuperationStaff: { path: 'staff/trips/index', title: '疗休养管理' },
      recuperationEdit: { path: 'staff/edit/index', title: '编辑疗休养活动' },
      recuperationRoster: { path: 'staff/roster/index', title: '报名管理' },
    },
    tiles: [{ key: 'trip', label: '疗休养', icon: '疗', route: 'recuperation', home: true, services: true }],
    workbench: [
      { key: 'trips', label: '疗休养管理', icon: '养', route: 'recuperationStaff', roles: STAFF, count: 'enrollmentPending' },
    ],
    timeline: { recuperation: '疗休养' },
    subscribe: { recuperationSignUp: ['recuperation_status'] },
  },
  {
    key: 'contest',
    area: 'competitions',
    root: 'packages/competitions',
    pages: {
      competitions: { path: 'list/index', title: '技能竞赛' },
      competitionDetail: { path: 'detail/index', title: '竞赛详情' },
      competitionEvent: { path: 'event/index', title: '竞赛项目' },
      competitionRegister: { path: 'register/index', title: '竞赛报名' },
      competitionJoin: { path: 'join/index', title: '加入队伍' },
      competitionMine: { path: 'mine/index', title: '我的竞赛' },
      competitionResults: { path: 'results/index', title: '成绩公示' },
      competitionStaff: { path: 'staff/list/index', title: '技能竞赛管理' },
      competitionEdit: { path: 'staff/edit/index', title: '编辑竞赛' },
      competitionEventEdit: { path: 'staff/event-edit/index', title: '编辑竞赛项目' },
      competitionRegistrations: { path: 'staff/event/index', title: '报名管理' },
      competitionScores: { path: 'staff/scores/index', title: '成绩管理' },
      competitionUnit: { path: 'staff/unit/index', title: '单位推荐' },
    },
    tiles: [{ key: 'contest', label: '技能竞赛', icon: '技', route: 'competitions', home: true, services: true }],
    workbench: [
      { key: 'contests', label: '技能竞赛管理', icon: '赛', route: 'competitionStaff', roles: STAFF, count: 'competitionReview' },
      { key: 'contestUnit', label: '单位推荐', icon: '荐', route: 'competitionUnit', roles: STAFF, count: 'competitionUnit' },
    ],
    timeline: { competition: '技能竞赛' },
    subscribe: { competitionRegister: ['competition_status'] },
    me: [{ key: 'contestMine', label: '我的竞赛与获奖', route: 'competitionMine' }],
  },
  {
    key: 'matchmaking',
    area: 'matchmaking',
    root: 'packages/matchmaking',
    pages: {
      matchmaking: { path: 'list/index', title: '单身联谊' },
      matchmakingDetail: { path: 'detail/index', title: '联谊活动' },
      matchmakingProfile: { path: 'profile/index', title: '我的交友资料' },
      matchmakingParticipants: { path: 'participants/index', title: '同场参加者' },
      matchmakingPerson: { path: 'person/index', title: '参加者资料' },
      matchmakingMatches: { path: 'matches/index', title: '我的互选' },
      matchmakingStaff: { path: 'staff/events/index', title: '联谊活动管理' },
      matchmakingEdit: { path: 'staff/edit/index', title: '编辑联谊活动' },
      matchmakingRoster: { path: 'staff/roster/index', title: '联谊报名管理' },
      matchmakingConfirmations: { path: 'staff/confirmations/index', title: '单身状态确认' },
    },
    tiles: [{ key: 'social', label: '单身联谊', icon: '谊', route: 'matchmaking', home: true, services: true }],
    workbench: [
      {
        key: 'socialEvents',
        label: '联谊活动管理',
        icon: '联',
        route: 'matchmakingStaff',
        roles: STAFF,
        count: 'matchmakingReports',
      },
      {
        key: 'socialConfirm',
        label: '单身状态确认',
        icon: '单',
        route: 'matchmakingConfirmations',
        roles: STAFF,
        count: 'matchmakingConfirmations',
      },
    ],
    timeline: { matchmaking: '单身联谊' },
    subscribe: { matchmakingSignUp: ['matchmaking_status'] },
  },
  {
    // 消息与待办: what needs the member, gathered from every area by the server (docs/inbox.md).
    key: 'inbox',
    root: 'packages/inbox',
    pages: { inbox: { path: 'index', title: '消息与待办' } },
  },
  {
    key: 'settings',
    root: 'packages/settings',
    pages: { settingsEdit: { path: 'index', title: '系统设置' } },
    workbench: [{ key: 'settings', label: '系统设置', icon: '设', route: 'settingsEdit', roles: ADMIN_ONLY }],
  },
] as const satisfies readonly Feature[];

/**
 * Placeholder subscribe-message template ids, by key: used only where the union's settings (settings.get →
 * subscribeTemplateIds, from 小程序后台 → 订阅消息) name none. The function maps the same keys with its
 * SUBSCRIBE_TEMPLATE_IDS variable (written by the deploy from the same settings).
 */
export const SUBSCRIBE_TEMPLATE_IDS: Record<string, string> = {
  membership_status: 'TEMPLATE_ID_MEMBERSHIP_STATUS',
  transfer_status: 'TEMPLATE_ID_TRANSFER_STATUS',
  recuperation_status: 'TEMPLATE_ID_RECUPERATION_STATUS',
  competition_status: 'TEMPLATE_ID_COMPETITION_STATUS',
  matchmaking_status: 'TEMPLATE_ID_MATCHMAKING_STATUS',
  legal_aid_status: 'TEMPLATE_ID_LEGAL_AID_STATUS',
  legal_aid_reminder: 'TEMPLATE_ID_LEGAL_AID_REMINDER',
  review_overdue: 'TEMPLATE_ID_REVIEW_OVERDUE',
  hardship_status: 'TEMPLATE_ID_HARDSHIP_STATUS',
  student_aid_status: 'TEMPLATE_ID_STUDENT_AID_STATUS',
  mutual_aid_status: 'TEMPLATE_ID_MUTUAL_AID_STATUS',
  voice_status: 'TEMPLATE_ID_VOICE_STATUS',
  counselling_status: 'TEMPLATE_ID_COUNSELLING_STATUS',
  legal_qa_status: 'TEMPLATE_ID_LEGAL_QA_STATUS',
  legal_qa_reminder: 'TEMPLATE_ID_LEGAL_QA_REMINDER',
};

/** WeChat refuses a requestSubscribeMessage with more template ids than this (errCode 20003). */
export const MAX_TEMPLATES_PER_REQUEST = 3;

/**
 * The templates the 我的 switch asks for when turned on: the review results of 入会 and 转会 (its label says
 * 审核结果通知). The areas' own templates are asked for at their moments (see `subscribe` in FEATURES).
 */
export const ME_SWITCH_TEMPLATES = ['membership_status', 'transfer_status'] as const;

type AnyFeature = (typeof FEATURES)[number];
type PageKeys<F> = F extends { pages: infer P } ? keyof P & string : never;
export type TabName = keyof typeof TABS;
export type RouteName = TabName | PageKeys<AnyFeature>;

/** `/root/path` of every page by route name. */
export function buildRoutes(): Record<RouteName, string> {
  const routes: Record<string, string> = {};
  for (const [name, tab] of Object.entries(TABS)) routes[name] = `/${tab.path}`;
  for (const f of FEATURES as readonly Feature[]) {
    for (const [name, page] of Object.entries(f.pages ?? {})) routes[name] = `/${f.root}/${page.path}`;
  }
  return routes as Record<RouteName, string>;
}

/** The subpackages for app.config.ts. */
export function subPackages(): { root: string; pages: string[] }[] {
  return (FEATURES as readonly Feature[])
    .filter((f) => f.root && f.pages)
    .map((f) => ({ root: f.root!, pages: Object.values(f.pages!).map((p) => p.path) }));
}

/** A page's title by route name. */
export function pageTitle(route: RouteName): string {
  for (const [name, tab] of Object.entries(TABS)) if (name === route) return tab.title;
  for (const f of FEATURES as readonly Feature[]) {
    const page = f.pages?.[route];
    if (page) return page.title;
  }
  return '';
}

/** Which areas the union has on (settings.get → areas); an area missing from it is on. */
export type AreaSwitches = Readonly<Record<string, boolean>>;

/** The features whose area is on (all of them without settings: before the first load, or offline with none kept). */
function featuresOn(areas?: AreaSwitches | null): Feature[] {
  return (FEATURES as readonly Feature[]).filter((f) => !f.area || areas?.[f.area] !== false);
}

export function tiles(where: 'home' | 'services', areas?: AreaSwitches | null): Tile[] {
  return featuresOn(areas).flatMap((f) => (f.tiles ?? []).filter((t) => t[where]));
}

export function workbenchTiles(areas?: AreaSwitches | null): WorkbenchTile[] {
  return featuresOn(areas).flatMap((f) => f.workbench ?? []);
}

/** The page paths (`/root/path`) of the areas switched off: the app does not open them. */
export function pathsOff(areas?: AreaSwitches | null): string[] {
  const on = new Set(featuresOn(areas));
  return (FEATURES as readonly Feature[])
    .filter((f) => !on.has(f))
    .flatMap((f) => Object.values(f.pages ?? {}).map((p) => `/${f.root}/${p.path}`));
}

/** Whether a page (url with or without a query) may be opened with these switches. */
export function isPathOn(url: string, areas?: AreaSwitches | null): boolean {
  return !pathsOff(areas).includes(url.split('?')[0]);
}

/** Timeline kind → label (入会申请, 会员转会, …). */
export function timelineLabels(): Record<string, string> {
  return Object.assign({}, ...(FEATURES as readonly Feature[]).map((f) => f.timeline ?? {})) as Record<string, string>;
}

/** The areas' links in 我的 (members only). */
export function meLinks(): MeLink[] {
  return (FEATURES as readonly Feature[]).flatMap((f) => f.me ?? []);
}

export interface SubscribeTemplate {
  key: string;
  id: string;
}

/** Template ids by key: the union's (settings), else the placeholders. */
export type TemplateIds = Readonly<Record<string, string>>;

const idOf = (key: string, ids?: TemplateIds | null): SubscribeTemplate => ({
  key,
  id: ids?.[key] || SUBSCRIBE_TEMPLATE_IDS[key] || key,
});

/** Every subscribe-message template the app asks about, once each, with its id (我的 turns them all off). */
export function subscribeTemplates(ids?: TemplateIds | null): SubscribeTemplate[] {
  const keys = Object.values(subscribeRequests(ids)).flatMap((templates) => templates.map((t) => t.key));
  return [...new Set(keys)].map((key) => idOf(key, ids));
}

/** The moments the areas ask at (membershipApply, legalAidBook, …). */
export type SubscribeMoment = AnyFeature extends infer F ? (F extends { subscribe: infer S } ? keyof S & string : never) : never;

/**
 * Every request the app makes, by moment ('me' = the 我的 switch), with the template ids of each: one
 * requestSubscribeMessage per entry, so none may have more than MAX_TEMPLATES_PER_REQUEST.
 */
export function subscribeRequests(ids?: TemplateIds | null): Record<string, SubscribeTemplate[]> {
  const withId = (key: string) => idOf(key, ids);
  const requests: Record<string, SubscribeTemplate[]> = { me: ME_SWITCH_TEMPLATES.map(withId) };
  for (const f of FEATURES as readonly Feature[])
    for (const [moment, keys] of Object.entries(f.subscribe ?? {})) requests[moment] = keys.map(withId);
  return requests;
}
