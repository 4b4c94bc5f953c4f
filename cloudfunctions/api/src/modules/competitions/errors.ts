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
});
