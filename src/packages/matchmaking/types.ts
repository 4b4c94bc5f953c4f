/** Shapes of the 单身联谊 screens, derived from the server contract (never restated). */
import type { InputOf, OutputOf } from '../../api/types';

export type EventPage = OutputOf<'matchmaking.get'>;
export type EventDetail = EventPage['event'];
export type EventSummary = OutputOf<'matchmaking.list'>['items'][number];
export type EnrollmentView = OutputOf<'matchmaking.signUp'>;
export type EnrollmentStatus = EnrollmentView['status'];
export type MyEnrollment = OutputOf<'enrollment.mine'>['items'][number];
export type MyProfile = NonNullable<OutputOf<'matchmaking.myProfile'>>;
export type ProfileInput = InputOf<'matchmaking.saveProfile'>;
export type ParticipantsView = OutputOf<'matchmaking.participants'>;
export type Participant = ParticipantsView['items'][number];
export type ProfileView = Participant['profile'];
export type MatchView = OutputOf<'matchmaking.matches'>['items'][number];
export type SaveEventInput = InputOf<'matchmaking.save'>;
export type OrganiserItem = OutputOf<'matchmaking.eventProfiles'>['items'][number];
export type ReportView = OutputOf<'matchmaking.reports'>['items'][number];
export type ConfirmationItem = OutputOf<'matchmaking.confirmations'>['items'][number];
