/**
 * What 技能竞赛 tells the enrollment engine (declared on its module definition): its name, roster columns of its
 * own data (declaration, team) and the check before an organiser approves a registration — a team's size must
 * be within the event's range, and the approval is guarded by the size it saw (a teammate leaving meanwhile
 * makes it fail rather than slip past).
 */
import type { EngineHooks } from '../../action';
import type { ActivityRecord, ApprovalCheck, EnrollmentRecord } from '../enrollment/engine';
import { CERT_LEVELS, type EventFields, type RegistrationExtra } from './records';

export function eventFieldsOf(activity: ActivityRecord): EventFields {
  return activity.competition as EventFields;
}

export function extraOf(e: Pick<EnrollmentRecord, 'extra'>): RegistrationExtra | undefined {
  return e.extra as RegistrationExtra | undefined;
}

export function teamApproval(e: EnrollmentRecord, activity: ActivityRecord): ApprovalCheck {
  const fields = eventFieldsOf(activity);
  const team = extraOf(e)?.team;
  if (fields?.format !== 'team' || !fields.teamSize) return {};
  const size = team?.size ?? 1;
  const { min, max } = fields.teamSize;
  if (size < min || size > max) return { refuse: `队伍现有${size}人，本项目每队${min}至${max}人，人数不符不能审核通过` };
  return { where: { 'extra.team.size': size } };
}

export function rosterColumns(extra: Record<string, unknown> | undefined): Record<string, string> {
  const x = extra as RegistrationExtra | undefined;
  const d = x?.declaration;
  return {
    从事本工种年限: d ? String(d.tradeYears) : '',
    职业技能等级: d ? CERT_LEVELS[d.certLevel] : '',
    证书照片: d?.certPhoto ? '已上传' : '',
    队伍: x?.team ? `${x.team.name}（${x.team.size}人）` : '',
  };
}

/** 技能竞赛's hooks into the engine (competitionsModule.engine). */
export const competitionEngine = {
  activityArea: { area: 'competition', hooks: { label: '技能竞赛', rosterColumns, approvalCheck: teamApproval } },
} satisfies EngineHooks;
