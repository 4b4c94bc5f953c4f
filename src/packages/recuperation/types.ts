/** Shapes of the 疗休养 screens, derived from the server contract (never restated). */
import type { InputOf, OutputOf } from '../../api/types';

export type TripPage = OutputOf<'recuperation.get'>;
export type TripDetail = TripPage['trip'];
export type TripSummary = OutputOf<'recuperation.list'>['items'][number];
export type EnrollmentView = OutputOf<'recuperation.signUp'>;
export type EnrollmentStatus = EnrollmentView['status'];
export type MyEnrollment = OutputOf<'enrollment.mine'>['items'][number];
export type RosterView = OutputOf<'enrollment.roster'>;
export type RosterItem = RosterView['items'][number];
export type FormField = TripDetail['formFields'][number];
export type SaveInput = InputOf<'recuperation.save'>;
export type SignUpInput = InputOf<'recuperation.signUp'>;
export type Companion = NonNullable<SignUpInput['companions']>[number];
export type Answers = NonNullable<SignUpInput['answers']>;
export type PublicityView = OutputOf<'enrollment.publicity'>;
export type DrawResultView = OutputOf<'enrollment.drawResult'>;
export type Candidate = OutputOf<'enrollment.candidates'>['items'][number];
export type Objection = OutputOf<'enrollment.objections'>['items'][number];
