/** Valid example inputs of the area's actions, for the hostile-input test (see ../../examples.ts). */
import type { AreaExamples } from '../../examples';

export const examples: AreaExamples<'enrollment'> = {
  inputs: {
    'enrollment.mine': { page: 1 },
    'enrollment.get': { enrollmentId: 'A1_someone' },
    'enrollment.cancel': { enrollmentId: 'A1_someone' },
    'enrollment.respondOffer': { enrollmentId: 'A1_someone', accept: true },
    'enrollment.drawResult': { activityId: 'A1', page: 1 },
    'enrollment.publicity': { activityId: 'A1', page: 1 },
    'enrollment.object': { activityId: 'A1', ticket: 'abcdef012345', reason: '此人并非一线职工' },
    'enrollment.roster': { activityId: 'A1', status: 'pending', page: 1 },
    'enrollment.review': { activityId: 'A1', enrollmentIds: ['A1_someone'], decision: 'approve' },
    'enrollment.unitConfirm': { activityId: 'A1', enrollmentIds: ['A1_someone'], decision: 'confirm' },
    'enrollment.draw': { activityId: 'A1' },
    'enrollment.nominate': { activityId: 'A1', openid: 'someone' },
    'enrollment.candidates': { keyword: '陈' },
    'enrollment.setTags': { openid: 'someone', tags: ['frontline'] },
    'enrollment.checkIn': { activityId: 'A1', token: 'abcdefghijk.lmnop' },
    'enrollment.publish': { activityId: 'A1' },
    'enrollment.objections': { activityId: 'A1', page: 1 },
    'enrollment.resolveObjection': { objectionId: 'A1_abcdef012345_someone', decision: 'dismiss', note: '经核实无误' },
    'enrollment.export': { activityId: 'A1' },
  },
};
