/**
 * The member's own 交友资料: read, save (only active members who declare they are single; gender and birth year
 * come from the member record, checked at 入会), pause. The contact is sealed at rest; photos are adopted
 * (photos.ts). The owner's view goes through visibleProfile like everyone else's, with relation `self`.
 */
import type { ActionContext } from '../../action';
import { command, findById, insertUnique, updateWhere } from '../../db';
import { fail } from '../../errors';
import { encryptPii } from '../../lib/pii';
import { toIso } from '../../lib/time';
import { SINGLE_STATUS_TEXT } from '../../rules/matchmaking';
import { requireActiveMember } from '../../shared/members';
import { MATCHMAKING_COLLECTIONS as C } from './collections';
import { matchmakingErrors } from './errors';
import { adoptPhotos, checkPhotos, dropPhotos } from './photos';
import { renderProfile } from './profileView';
import type { ProfileRecord } from './records';
import type { SaveProfileInput } from './schemas';
import { visibleProfile } from './visibility';
import type { MyProfileView } from './views';

export async function findProfile(openid: string): Promise<ProfileRecord | null> {
  return findById<ProfileRecord>(C.profiles, openid);
}

export async function requireProfile(openid: string): Promise<ProfileRecord> {
  const profile = await findProfile(openid);
  if (!profile) throw matchmakingErrors.fail('NO_PROFILE');
  return profile;
}

export async function toMyProfile(p: ProfileRecord): Promise<MyProfileView> {
  const view = (await renderProfile(visibleProfile(p, 'self'), 'all'))!;
  return {
    ...view,
    photoIds: [...p.photos],
    visibility: { ...p.visibility },
    paused: p.paused,
    single: {
      status: p.single.status,
      statusText: SINGLE_STATUS_TEXT[p.single.status],
      ...(p.single.decidedOrgName ? { decidedOrgName: p.single.decidedOrgName } : {}),
      ...(p.single.note ? { note: p.single.note } : {}),
    },
    updatedAt: toIso(p.updatedAt),
  };
}

export async function getMyProfile(ctx: ActionContext): Promise<MyProfileView | null> {
  const p = await findProfile(ctx.openid);
  return p ? toMyProfile(p) : null;
}

export async function saveProfile(input: SaveProfileInput, ctx: ActionContext): Promise<MyProfileView> {
  const member = await requireActiveMember(ctx.openid, '会籍正常的会员才能填写交友资料');
  if (!member.gender || !member.birthYear) throw matchmakingErrors.fail('MEMBER_INFO_INCOMPLETE');
  const existing = await findProfile(ctx.openid);
  const current = existing?.photos ?? [];
  checkPhotos(input.photos, current, ctx.openid);
  const photos = await adoptPhotos(input.photos, current);
  const now = ctx.now;
  const fields = {
    nickname: input.nickname,
    gender: member.gender,
    birthYear: member.birthYear,
    height: input.height,
    education: input.education,
    city: input.city,
    occupation: input.occupation,
    intro: input.intro,
    photos,
    contactKind: input.contact.kind,
    contactSealed: encryptPii(input.contact.value),
    orgId: member.orgId,
    orgName: member.orgName,
    orgPath: member.orgPath,
    updatedAt: now,
  };
  const copies = photos.filter((id) => !current.includes(id));
  if (!existing) {
    const record: Omit<ProfileRecord, '_id'> = {
      openid: ctx.openid,
      ...fields,
      visibility: input.visibility,
      paused: false,
      single: { status: 'declared', declaredAt: now },
      createdAt: now,
    };
    if (await insertUnique(C.profiles, ctx.openid, record)) return toMyProfile({ _id: ctx.openid, ...record } as ProfileRecord);
    // A double tap created it first: keep that one.
    await dropPhotos(copies);
    return toMyProfile(await requireProfile(ctx.openid));
  }
  const _ = command();
  const changed = await updateWhere(
    C.profiles,
    { _id: ctx.openid, updatedAt: existing.updatedAt },
    { ...fields, photos: _.set(photos), orgPath: _.set(member.orgPath), visibility: _.set(input.visibility) },
  );
  if (changed !== 1) {
    await dropPhotos(copies);
    throw fail('CONFLICT', '资料已在别处修改，请刷新后再保存');
  }
  await dropPhotos(current.filter((id) => !photos.includes(id)));
  return toMyProfile(await requireProfile(ctx.openid));
}

/** Hides (or shows again) the profile everywhere: lists, details, matches. */
export async function setPaused(paused: boolean, ctx: ActionContext): Promise<MyProfileView> {
  const _ = command();
  const changed = await updateWhere(
    C.profiles,
    { _id: ctx.openid },
    paused
      ? { paused: true, pausedAt: ctx.now, updatedAt: ctx.now }
      : { paused: false, pausedAt: _.remove(), updatedAt: ctx.now },
  );
  if (changed !== 1) throw matchmakingErrors.fail('NO_PROFILE');
  return toMyProfile(await requireProfile(ctx.openid));
}
