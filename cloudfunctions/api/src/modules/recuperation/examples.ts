/** Valid example inputs of the area's actions, for the hostile-input test (see ../../examples.ts). */
import type { AreaExamples } from '../../examples';

export const examples: AreaExamples<'recuperation'> = {
  inputs: {
    'recuperation.list': { page: 1 },
    'recuperation.get': { activityId: 'A1' },
    'recuperation.signUp': { activityId: 'A1' },
    'recuperation.manage': { page: 1 },
    'recuperation.save': {
      orgId: 'org-cz',
      title: '一线职工疗休养',
      description: '面向一线职工的五日疗休养活动。',
      place: '溧阳天目湖',
      startAt: '2026-05-10T08:00:00+08:00',
      endAt: '2026-05-14T17:00:00+08:00',
      signupStart: '2026-04-01T09:00:00+08:00',
      signupEnd: '2026-04-20T17:00:00+08:00',
      capacity: 40,
      mode: 'fcfs',
      review: true,
      waitlist: true,
      claimHours: 24,
      fee: '工会全额补助',
      cancelPolicy: { kind: 'untilSignupEnd' },
      base: '溧阳天目湖职工疗休养基地',
      everyYears: 3,
    },
    'recuperation.open': { activityId: 'A1' },
    'recuperation.close': { activityId: 'A1' },
  },
};
