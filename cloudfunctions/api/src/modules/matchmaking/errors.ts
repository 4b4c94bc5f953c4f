import { defineErrors } from '../../errors';

/** Refusals of 单身联谊, in words a member can act on. */
export const matchmakingErrors = defineErrors({
  NO_PROFILE: '请先填写交友资料并声明单身',
  PROFILE_PAUSED: '您已暂停展示交友资料，恢复展示后才能参加互选',
  PICKS_CLOSED: '本场活动的互选已结束',
  NOT_PARTICIPANT: '签到参加本场活动后才能查看其他参加者',
  PICK_LIMIT: '选择人数超过本场活动的上限',
  PICK_RULE: '本场活动为异性之间互选，只能选择异性参加者',
  MEMBER_INFO_INCOMPLETE: '您的会员信息缺少性别或出生年份，请联系所在工会核实',
});
