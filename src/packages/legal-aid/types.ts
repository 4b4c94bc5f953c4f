/** Legal-aid shapes, derived from the server contract (never restated). */
import type { InputOf, OutputOf } from '../../api/types';

export type Station = OutputOf<'legalAid.stations'>['items'][number];
export type Slot = OutputOf<'legalAid.slots'>['items'][number];
export type Booking = OutputOf<'legalAid.mine'>['items'][number];
export type BookingDetail = OutputOf<'legalAid.get'>;
export type StaffBooking = OutputOf<'legalAid.bookings'>['items'][number];
export type CaseDetail = OutputOf<'legalAid.case'>;
export type Roster = OutputOf<'legalAid.roster'>;
export type RosterPattern = Roster['patterns'][number];
export type BookInput = InputOf<'legalAid.book'>;
export type ConsultType = BookInput['type'];
export type ConsultWay = BookInput['way'];
