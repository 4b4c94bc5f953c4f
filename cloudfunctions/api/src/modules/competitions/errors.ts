import { defineErrors } from '../../errors';

/** Refusals of the competitions area, in words a member or organiser can act on. */
export const competitionErrors = defineErrors({
  IN_ANOTHER_TEAM: '您已加入本项目的其他队伍',
  TEAM_FULL: '队伍人数已满',
  INVITE_INVALID: '该邀请已失效',
  TEAM_LOCKED: '队伍已审核通过或报名已截止，不能再调整成员',
  SCORES_INCOMPLETE: '还有参赛者未录入成绩',
  RESULTS_LOCKED: '成绩已公示或已确定，不能直接修改',
  EVENT_NOT_HELD: '比赛尚未举行，举行后方可录入成绩和公示',
  LINK_NOT_FOUND: '邀请链接不存在或不完整，请向队长重新索取邀请链接',
  LINK_EXPIRED: '该邀请链接已过期，请联系队长重新发送邀请链接',
  LINK_USED: '该邀请链接已被使用（每个链接只能一人使用），如需加入请联系队长另发链接',
  LINK_DECLINED: '该邀请已被谢绝，如仍想加入请联系队长重新发送邀请链接',
  LINK_REVOKED: '该邀请链接已被队长撤回，如有疑问请联系队长',
  LINK_OWN: '不能接受自己发出的邀请，请把链接发给要邀请的队员',
  LINK_CLOSED: '该邀请链接已被使用或已撤回，无需再撤回',
});
