/** Valid example inputs of the area's actions, for the hostile-input test (see ../../examples.ts). */
import type { AreaExamples } from '../../examples';

export const examples: AreaExamples<'transfer'> = {
  inputs: {
    'transfer.request': { toOrgId: 'org-cz-tianning-g1', reason: '工作调动' },
    'transfer.list': { status: 'pending', page: 1 },
    'transfer.approve': { transferId: 'T1' },
    'transfer.reject': { transferId: 'T1', reason: '材料不全' },
  },
  required: {
    'transfer.reject': ['reason'],
  },
};
