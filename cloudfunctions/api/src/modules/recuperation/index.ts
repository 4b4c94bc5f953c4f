/**
 * 疗休养 (recuperation trips) — the first area on the enrollment engine: trips to recuperation bases with
 * itinerary, target groups, a "once every N years" rule, priority groups for the lottery, unit nominations
 * and companions. Generic actions (my enrollments, cancel, review, draw, 公示, check-in, export) are the
 * engine's `enrollment.*` actions.
 */
import { defineAction, defineModule } from '../../action';
import { recuperationEngine } from './groups';
import {
  recuperationGetInput,
  recuperationListInput,
  recuperationManageInput,
  recuperationSaveInput,
  recuperationSignUpInput,
  recuperationStatusInput,
} from './schemas';
import { getTrip, listManagedTrips, listOpenTrips, saveTrip, setTripStatus, signUpForTrip } from './trips';
import { recuperationInbox } from './inbox';

const STAFF = ['staff', 'admin'] as const;

export const recuperationModule = defineModule({
  area: 'recuperation',
  engine: recuperationEngine,
  inbox: recuperationInbox,
  fieldLabels: {
    base: '疗休养基地',
    itinerary: '行程安排',
    targetGroups: '疗休养对象',
    everyYears: '参加间隔年限',
    companions: '同行人',
  },
  timeline: { recuperation: { label: '疗休养', template: 'recuperation_status' } },
  audit: {
    'recuperation.create': '新建疗休养活动',
    'recuperation.edit': '修改疗休养活动',
    'recuperation.open': '开放疗休养报名',
    'recuperation.close': '截止疗休养报名',
  },
  actions: {
    'recuperation.list': defineAction({
      input: recuperationListInput,
      roles: 'any',
      handler: (input, ctx) => listOpenTrips(input.page, ctx),
    }),
    'recuperation.get': defineAction({
      input: recuperationGetInput,
      roles: 'any',
      needsGrants: true,
      handler: (input, ctx) => getTrip(input.activityId, ctx),
    }),
    'recuperation.signUp': defineAction({ input: recuperationSignUpInput, roles: 'any', handler: signUpForTrip }),
    'recuperation.manage': defineAction({
      input: recuperationManageInput,
      roles: STAFF,
      handler: (input, ctx) => listManagedTrips(input.status, input.page, ctx),
    }),
    'recuperation.save': defineAction({ input: recuperationSaveInput, roles: STAFF, handler: saveTrip }),
    'recuperation.open': defineAction({
      input: recuperationStatusInput,
      roles: STAFF,
      handler: (input, ctx) => setTripStatus(input.activityId, 'open', ctx),
    }),
    'recuperation.close': defineAction({
      input: recuperationStatusInput,
      roles: STAFF,
      handler: (input, ctx) => setTripStatus(input.activityId, 'closed', ctx),
    }),
  },
});
