/** Valid example inputs of the area's actions, for the hostile-input test (see ../../examples.ts). */
import type { AreaExamples } from '../../examples';
import { PRIVACY_POLICY_VERSION } from '../../rules/membership';

export const examples: AreaExamples<'membership'> = {
  inputs: {
    'membership.apply': {
      name: '李明华',
      idNumber: '320412199003070016',
      mobile: '13812345678',
      workUnit: '常州湖塘精密机械有限公司',
      orgId: 'org-cz-wujin-g1',
      channel: 'employer',
      occupation: 'other',
      privacyConsent: PRIVACY_POLICY_VERSION,
    },
    'membership.mine': {},
    'membership.list': { status: 'pending', page: 1 },
    'membership.get': { applicationId: 'A1' },
    'membership.approve': { applicationId: 'A1', submittedAt: '2025-03-01T08:00:00.000Z' },
    'membership.reject': { applicationId: 'A1', submittedAt: '2025-03-01T08:00:00.000Z', reason: '材料不全' },
    'membership.approveMany': { items: [{ applicationId: 'A1', submittedAt: '2025-03-01T08:00:00.000Z' }] },
  },
  required: {
    'membership.reject': ['reason'],
  },
};
