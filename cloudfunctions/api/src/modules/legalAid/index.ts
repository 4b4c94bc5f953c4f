/**
 * 法律援助预约: legal-aid stations, their duty roster turned into slots, bookings by members and non-members,
 * the station's 值班台 (attendance, outcome, referral), ratings, reminders. Slot booking itself is a reusable
 * mechanism (shared/slotBooking/). Decisions: docs/legal-aid.md.
 */
import { defineAction, defineModule } from '../../action';
import { bookConsultation } from './bookConsultation';
import { cancelBooking, rateBooking, rescheduleBooking } from './changeBooking';
import { addSlot, cancelSlot, editSlot } from './changeSlot';
import { LEGAL_AID_COLLECTIONS } from './collections';
import { legalAidErrors } from './errors';
import { listSlots, listStations } from './listSlots';
import { getMyBooking, listMyBookings } from './listMyBookings';
import { getRoster, saveRoster } from './manageRoster';
import { cancelByStation, completeBooking, markAttendance } from './recordOutcome';
import {
  legalAidAddSlotInput,
  legalAidBookingInput,
  legalAidBookingsInput,
  legalAidBookInput,
  legalAidCancelSlotInput,
  legalAidCompleteInput,
  legalAidStationCancelInput,
  legalAidEditSlotInput,
  legalAidMarkInput,
  legalAidMineInput,
  legalAidRateInput,
  legalAidRescheduleInput,
  legalAidRosterInput,
  legalAidSaveRosterInput,
  legalAidSlotsInput,
  legalAidStationsInput,
} from './schemas';
import { freePastAllowances, sendReminders, settleBookings } from './sendReminders';
import { legalAidSaveStationInput, saveStation, STATION_FIELD_LABELS } from './stations';
import { countToday, getCase, listStationBookings } from './stationBookings';
import { extendRosters } from './syncSlots';
import { legalAidInbox } from './inbox';

/** Station staff: the `lawyer` role scoped to a station (administrators pass the router, not the case checks). */
const STATION = ['lawyer'] as const;
/** The roster: station staff, union staff of the org running the station, administrators. */
const ROSTER = ['lawyer', 'staff'] as const;

export const legalAidModule = defineModule({
  area: 'legalAid',
  collections: LEGAL_AID_COLLECTIONS,
  inbox: legalAidInbox,
  orgPaths: [{ collection: LEGAL_AID_COLLECTIONS.stations, field: 'orgPath' }],
  errors: legalAidErrors.codes,
  scopes: { lawyer: { collection: LEGAL_AID_COLLECTIONS.stations, label: '法律援助站' } },
  fieldLabels: {
    stationId: '法律援助站',
    slotId: '预约时段',
    bookingId: '预约编号',
    from: '起始日期',
    dayCount: '天数',
    type: '咨询类型',
    way: '咨询方式',
    caseText: '案情描述',
    evidence: '证据材料',
    contactName: '联系人姓名',
    contactMobile: '联系电话',
    stars: '评分',
    comment: '评价内容',
    view: '列表',
    summary: '处理结果',
    notes: '内部备注',
    referral: '后续处理',
    patterns: '值班安排',
    exceptions: '暂停接待日期',
    slotDate: '日期',
    slotPeriod: '时段',
    start: '开始时间',
    end: '结束时间',
    lawyers: '值班人员',
    changeNote: '调整说明',
    ...STATION_FIELD_LABELS,
  },
  timeline: {
    legalAid: { label: '法律援助预约', template: 'legal_aid_status' },
    legalAidReminder: { label: '法律援助预约提醒', template: 'legal_aid_reminder' },
  },
  audit: {
    'legalAid.case': '查看法律援助案情',
    'legalAid.mark': '登记法律援助到场情况',
    'legalAid.complete': '登记法律援助咨询结果',
    'legalAid.stationCancel': '援助站取消法律援助预约',
    'legalAid.saveRoster': '修改法律援助值班表',
    'legalAid.addSlot': '增加法律援助值班时段',
    'legalAid.editSlot': '调整法律援助值班时段',
    'legalAid.cancelSlot': '法律援助时段取消值班',
    'legalAid.saveStation': '新建或修改法律援助站',
  },
  workbench: { legalAidToday: countToday },
  cron: { reminders: sendReminders, settle: settleBookings, roster: extendRosters, pastAllowances: freePastAllowances },
  actions: {
    'legalAid.stations': defineAction({ input: legalAidStationsInput, roles: 'any', handler: () => listStations() }),
    'legalAid.slots': defineAction({ input: legalAidSlotsInput, roles: 'any', handler: listSlots }),
    'legalAid.book': defineAction({ input: legalAidBookInput, roles: 'any', handler: bookConsultation }),
    'legalAid.mine': defineAction({
      input: legalAidMineInput,
      roles: 'any',
      handler: (input, ctx) => listMyBookings(input.page, ctx),
    }),
    'legalAid.get': defineAction({
      input: legalAidBookingInput,
      roles: 'any',
      handler: (input, ctx) => getMyBooking(input.bookingId, ctx),
    }),
    'legalAid.cancel': defineAction({
      input: legalAidBookingInput,
      roles: 'any',
      handler: (input, ctx) => cancelBooking(input.bookingId, ctx),
    }),
    'legalAid.reschedule': defineAction({
      input: legalAidRescheduleInput,
      roles: 'any',
      handler: (input, ctx) => rescheduleBooking(input.bookingId, input.slotId, ctx),
    }),
    'legalAid.rate': defineAction({
      input: legalAidRateInput,
      roles: 'any',
      handler: (input, ctx) => rateBooking(input.bookingId, input.stars, input.comment, ctx),
    }),
    'legalAid.bookings': defineAction({ input: legalAidBookingsInput, roles: STATION, handler: listStationBookings }),
    'legalAid.case': defineAction({
      input: legalAidBookingInput,
      roles: STATION,
      handler: (input, ctx) => getCase(input.bookingId, ctx),
    }),
    'legalAid.mark': defineAction({
      input: legalAidMarkInput,
      roles: STATION,
      handler: (input, ctx) => markAttendance(input.bookingId, input.status, ctx),
    }),
    'legalAid.complete': defineAction({ input: legalAidCompleteInput, roles: STATION, handler: completeBooking }),
    'legalAid.stationCancel': defineAction({
      input: legalAidStationCancelInput,
      roles: STATION,
      handler: (input, ctx) => cancelByStation(input.bookingId, input.reason, ctx),
    }),
    'legalAid.roster': defineAction({
      input: legalAidRosterInput,
      roles: ROSTER,
      handler: (input, ctx) => getRoster(input.stationId, ctx),
    }),
    'legalAid.saveRoster': defineAction({ input: legalAidSaveRosterInput, roles: ROSTER, handler: saveRoster }),
    'legalAid.addSlot': defineAction({ input: legalAidAddSlotInput, roles: ROSTER, handler: addSlot }),
    'legalAid.editSlot': defineAction({ input: legalAidEditSlotInput, roles: ROSTER, handler: editSlot }),
    'legalAid.cancelSlot': defineAction({
      input: legalAidCancelSlotInput,
      roles: ROSTER,
      handler: (input, ctx) => cancelSlot(input.slotId, input.reason, ctx),
    }),
    'legalAid.saveStation': defineAction({ input: legalAidSaveStationInput, roles: ['staff'], handler: saveStation }),
  },
});
