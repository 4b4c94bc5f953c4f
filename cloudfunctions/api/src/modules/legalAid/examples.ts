/** Valid example inputs of the area's actions, for the hostile-input test (see ../../examples.ts). */
import type { AreaExamples } from '../../examples';

const BOOKING = `st-cz-wujin_2026-12-10_am_P${'0'.repeat(24)}`;

export const examples: AreaExamples<'legalAid'> = {
  inputs: {
    'legalAid.stations': {},
    'legalAid.slots': { stationId: 'st-cz-wujin' },
    'legalAid.book': {
      slotId: 'st-cz-wujin_2026-12-10_am',
      type: 'wages',
      way: 'in_person',
      caseText: '单位拖欠三个月工资，想咨询如何维权。',
      evidence: [],
    },
    'legalAid.mine': { page: 1 },
    'legalAid.get': { bookingId: BOOKING },
    'legalAid.cancel': { bookingId: BOOKING },
    'legalAid.reschedule': { bookingId: BOOKING, slotId: 'st-cz-wujin_2026-12-11_am' },
    'legalAid.rate': { bookingId: BOOKING, stars: 5 },
    'legalAid.bookings': { view: 'today', page: 1 },
    'legalAid.case': { bookingId: BOOKING },
    'legalAid.mark': { bookingId: BOOKING, status: 'arrived' },
    'legalAid.complete': { bookingId: BOOKING, summary: '已解答，建议申请劳动仲裁', referral: 'legal_aid' },
    'legalAid.stationCancel': { bookingId: BOOKING, reason: '值班律师临时外出' },
    'legalAid.roster': { stationId: 'st-cz-wujin' },
    'legalAid.saveRoster': {
      stationId: 'st-cz-wujin',
      patterns: [{ weekday: 2, period: 'am', start: '09:00', end: '11:30', lawyers: ['顾明远律师'], capacity: 6 }],
      exceptions: [],
    },
    'legalAid.addSlot': {
      stationId: 'st-cz-wujin',
      slotDate: '2026-12-20',
      slotPeriod: 'pm',
      start: '14:00',
      end: '17:00',
      lawyers: ['顾明远律师'],
      capacity: 4,
    },
    'legalAid.editSlot': { slotId: 'st-cz-wujin_2026-12-10_am', capacity: 8 },
    'legalAid.cancelSlot': { slotId: 'st-cz-wujin_2026-12-10_am', reason: '律师外出办案' },
  },
  required: {
    'legalAid.mark': ['status'],
    'legalAid.cancelSlot': ['reason'],
  },
};
