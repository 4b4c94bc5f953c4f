/**
 * 心理咨询: counselling rooms with weekly hours turned into one-to-one session slots (shared/slotBooking), booked
 * by members under a pseudonym with a phone for the session; the room's counsellors (role `counsellor`, given by
 * invitation) see the pseudonym, the contact and the time — nothing else of the member; union staff see counts.
 * No case notes unless the member agreed. Decisions: docs/counselling.md.
 */
import { defineAction, defineModule } from '../../action';
import { COUNSELLING_COLLECTIONS } from './collections';
import { settleSessions } from './cron';
import { countToday, getSession, listDesk, markSession, roomCancel, writeNote } from './desk';
import { counsellingErrors } from './errors';
import { counsellingInbox } from './inbox';
import { extendRooms, listRooms, listSlots, saveRoom } from './rooms';
import * as s from './schemas';
import { bookSession, cancelSession, getMySession, listMySessions, myProfile, setNoteConsent, setPseudonym } from './sessions';
import { roomStats } from './stats';

const COUNSELLOR = ['counsellor'] as const;

export const counsellingModule = defineModule({
  area: 'counselling',
  collections: COUNSELLING_COLLECTIONS,
  inbox: counsellingInbox,
  orgPaths: [{ collection: COUNSELLING_COLLECTIONS.rooms, field: 'orgPath' }],
  errors: counsellingErrors.codes,
  scopes: { counsellor: { collection: COUNSELLING_COLLECTIONS.rooms, label: '心理咨询室' } },
  fieldLabels: {
    roomId: '心理咨询室',
    slotId: '预约时段',
    bookingId: '预约编号',
    pseudonym: '化名',
    contact: '联系电话',
    noteConsent: '同意保留咨询记录',
    consent: '同意保留咨询记录',
    view: '列表',
    status: '登记结果',
    note: '咨询记录',
    reason: '取消原因',
    month: '月份',
    requestId: '请求编号',
    name: '咨询室名称',
    address: '地址',
    phone: '联系电话',
    orgId: '主管工会',
    hours: '开放时间',
    weekday: '星期',
    start: '开始时间',
    end: '结束时间',
    sessionMinutes: '每次咨询时长',
    cancelBeforeHours: '取消时限',
    closures: '暂停开放日期',
  },
  timeline: { counselling: { label: '心理咨询预约', template: 'counselling_status' } },
  audit: {
    'counselling.session': '查看心理咨询预约',
    'counselling.desk': '查看心理咨询台',
    'counselling.mark': '登记心理咨询完成情况',
    'counselling.note': '填写心理咨询记录',
    'counselling.roomCancel': '咨询室取消心理咨询预约',
    'counselling.saveRoom': '新建或修改心理咨询室',
  },
  workbench: { counsellingToday: countToday },
  cron: { counsellingSettle: settleSessions, counsellingRooms: extendRooms },
  actions: {
    'counselling.rooms': defineAction({ input: s.counsellingRoomsInput, roles: 'any', handler: () => listRooms() }),
    'counselling.slots': defineAction({
      input: s.counsellingSlotsInput,
      roles: 'any',
      handler: (i, ctx) => listSlots(i.roomId, ctx),
    }),
    'counselling.profile': defineAction({ input: s.counsellingProfileInput, roles: 'any', handler: (_i, ctx) => myProfile(ctx) }),
    'counselling.setPseudonym': defineAction({
      input: s.counsellingSetPseudonymInput,
      roles: 'any',
      handler: (i, ctx) => setPseudonym(i.pseudonym, ctx),
    }),
    'counselling.book': defineAction({ input: s.counsellingBookInput, roles: 'any', handler: bookSession }),
    'counselling.mine': defineAction({
      input: s.counsellingMineInput,
      roles: 'any',
      handler: (i, ctx) => listMySessions(i.page, ctx),
    }),
    'counselling.get': defineAction({
      input: s.counsellingBookingInput,
      roles: 'any',
      handler: (i, ctx) => getMySession(i.bookingId, ctx),
    }),
    'counselling.cancel': defineAction({
      input: s.counsellingBookingInput,
      roles: 'any',
      handler: (i, ctx) => cancelSession(i.bookingId, ctx),
    }),
    'counselling.consent': defineAction({
      input: s.counsellingConsentInput,
      roles: 'any',
      handler: (i, ctx) => setNoteConsent(i.bookingId, i.consent, ctx),
    }),
    'counselling.desk': defineAction({ input: s.counsellingDeskInput, roles: COUNSELLOR, handler: listDesk }),
    'counselling.session': defineAction({
      input: s.counsellingBookingInput,
      roles: COUNSELLOR,
      handler: (i, ctx) => getSession(i.bookingId, ctx),
    }),
    'counselling.mark': defineAction({
      input: s.counsellingMarkInput,
      roles: COUNSELLOR,
      handler: (i, ctx) => markSession(i.bookingId, i.status, ctx),
    }),
    'counselling.note': defineAction({
      input: s.counsellingNoteInput,
      roles: COUNSELLOR,
      handler: (i, ctx) => writeNote(i.bookingId, i.note, ctx),
    }),
    'counselling.roomCancel': defineAction({
      input: s.counsellingRoomCancelInput,
      roles: COUNSELLOR,
      handler: (i, ctx) => roomCancel(i.bookingId, i.reason, ctx),
    }),
    'counselling.saveRoom': defineAction({ input: s.counsellingSaveRoomInput, roles: ['staff'], handler: saveRoom }),
    'counselling.stats': defineAction({
      input: s.counsellingStatsInput,
      roles: ['staff'],
      handler: (i, ctx) => roomStats(i.month, ctx),
    }),
  },
});
