/**
 * What 单身联谊 tells the enrollment engine (declared on its module definition): its name, that its participants
 * are private (no 公示, no published draw), a rule kind of its own (gender known where seats are split by gender)
 * and its roster column.
 */
import type { EngineHooks } from '../../action';
import { GENDER_TEXT } from '../../rules/matchmaking';
import { z } from 'zod';

/** 单身联谊's hooks into the engine (matchmakingModule.engine). */
export const matchmakingEngine = {
  activityArea: {
    area: 'matchmaking',
    hooks: {
      label: '单身联谊',
      privateList: true,
      rosterColumns: (extra) => ({ 活动后回访: extra?.followUp ? '同意' : '不需要' }),
    },
  },
  ruleKinds: {
    'matchmaking.genderKnown': {
      params: z.strictObject({ kind: z.literal('matchmaking.genderKnown') }),
      evaluate: (rule, facts) =>
        facts.gender
          ? { rule: rule.kind, ok: true, message: `本活动男女分别设名额，您按${GENDER_TEXT[facts.gender]}职工名额报名` }
          : { rule: rule.kind, ok: false, message: '本活动男女分别设名额，您的会员信息缺少性别，请联系所在工会核实' },
    },
  },
} satisfies EngineHooks;
