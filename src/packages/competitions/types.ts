/** Shapes of the 技能竞赛 screens, derived from the server contract (never restated). */
import type { InputOf, OutputOf } from '../../api/types';

export type CompetitionSummary = OutputOf<'competitions.list'>['items'][number];
export type CompetitionDetail = OutputOf<'competitions.get'>;
export type EventSummary = CompetitionDetail['events'][number];
export type EventPage = OutputOf<'competitions.event'>;
export type EventDetail = EventPage['event'];
export type MyEntry = NonNullable<EventPage['mine']>;
export type TeamView = NonNullable<MyEntry['team']>;
export type Invitation = EventPage['invitations'][number];
export type MyCompetitions = OutputOf<'competitions.mine'>;
export type MyRegistration = MyCompetitions['items'][number];
export type Award = MyCompetitions['awards'][number];
export type ResultsView = OutputOf<'competitions.results'>;
export type RankingView = OutputOf<'competitions.ranking'>;
export type RegistrationRow = OutputOf<'competitions.registrations'>['items'][number];
export type RegistrationDetail = OutputOf<'competitions.registration'>;
export type ResultObjection = OutputOf<'competitions.resultObjections'>['items'][number];
export type Declaration = InputOf<'competitions.register'>['declaration'];
export type CertLevel = Declaration['certLevel'];
export type EventSaveInput = InputOf<'competitions.saveEvent'>;
export type CompetitionSaveInput = InputOf<'competitions.save'>;
export type EnrollmentStatus = MyEntry['status'];
export type Stage = NonNullable<InputOf<'competitions.registrations'>['stage']>;
export type FormField = EventDetail['formFields'][number];
