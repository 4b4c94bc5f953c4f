/**
 * The one action table: every area module, one line each. Everything else (the router's lookup, the app's
 * typed contract, and the house: field labels, timeline kinds, 工作台 counts, role scopes, engine hooks) is
 * derived from this list, which index.ts hands to the router.
 */
import type { ModuleDef } from './action';
import { auditModule } from './modules/audit';
import { campaignsModule } from './modules/campaigns';
import { cardModule } from './modules/card';
import { competitionsModule } from './modules/competitions';
import { counsellingModule } from './modules/counselling';
import { enrollmentModule } from './modules/enrollment';
import { hardshipModule } from './modules/hardship';
import { mutualAidModule } from './modules/mutualAid';
import { inboxModule } from './modules/inbox';
import { invitationsModule } from './modules/invitations';
import { legalAidModule } from './modules/legalAid';
import { legalQaModule } from './modules/legalQa';
import { matchmakingModule } from './modules/matchmaking';
import { membershipModule } from './modules/membership';
import { merchantsModule } from './modules/merchants';
import { noticesModule } from './modules/notices';
import { notifyModule } from './modules/notify';
import { orgModule } from './modules/org';
import { recuperationModule } from './modules/recuperation';
import { rolesModule } from './modules/roles';
import { sessionModule } from './modules/session';
import { settingsModule } from './modules/settings';
import { studentAidModule } from './modules/studentAid';
import { setupModule } from './modules/setup';
import { timelineModule } from './modules/timeline';
import { transferModule } from './modules/transfer';
import { voiceModule } from './modules/voice';
import { workbenchModule } from './modules/workbench';

export const MODULES = [
  sessionModule,
  orgModule,
  membershipModule,
  transferModule,
  cardModule,
  rolesModule,
  auditModule,
  timelineModule,
  notifyModule,
  noticesModule,
  merchantsModule,
  enrollmentModule,
  recuperationModule,
  matchmakingModule,
  competitionsModule,
  workbenchModule,
  legalAidModule,
  setupModule,
  invitationsModule,
  settingsModule,
  hardshipModule,
  studentAidModule,
  mutualAidModule,
  voiceModule,
  campaignsModule,
  counsellingModule,
  legalQaModule,
  inboxModule,
] as const satisfies readonly ModuleDef[];

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type Modules = (typeof MODULES)[number];

export type ActionTable = UnionToIntersection<Modules['actions']>;
/** Every area's own error codes (see errors.ts for the shared ones). */
export type ModuleErrorCode = Modules extends infer M ? (M extends { errors: infer E } ? keyof E & string : never) : never;

export const actionTable = Object.assign({}, ...MODULES.map((m) => m.actions)) as ActionTable;
