/** The one decision of what a viewer sees of a 单身联谊 profile (pure), and the relation that feeds it. */
import * as engine from '../../../cloudfunctions/api/src/modules/enrollment/engine';
import type { ProfileRecord } from '../../../cloudfunctions/api/src/modules/matchmaking/records';
import { matchmakingEngine } from '../../../cloudfunctions/api/src/modules/matchmaking/hooks';
import { recuperationEngine } from '../../../cloudfunctions/api/src/modules/recuperation/groups';
import { engineHouse, inHouse } from '../../support/house';
import { relationOf, visibleProfile, type ViewerRelation } from '../../../cloudfunctions/api/src/modules/matchmaking/visibility';
import { PROFILE_FIELDS, type Visibility } from '../../../cloudfunctions/api/src/rules/matchmaking';

function profile(level: Visibility, paused = false): ProfileRecord {
  return {
    _id: 'o1',
    openid: 'o1',
    nickname: '青柠',
    gender: 'F',
    birthYear: 1994,
    height: 165,
    education: 'master',
    city: '常州市天宁区',
    occupation: '护士',
    intro: '喜欢烘焙',
    photos: ['cloud://env.bucket/matchmaking/photos/aaaaaaaaaaaaaaaaaaaaaaaa.png'],
    contactKind: 'wechat',
    contactSealed: 'v1.sealed',
    visibility: Object.fromEntries(PROFILE_FIELDS.map((f) => [f, level])) as ProfileRecord['visibility'],
    paused,
    single: { status: 'declared', declaredAt: new Date() },
    orgId: 'org',
    orgName: '工会',
    orgPath: ['org'],
    createdAt: new Date(),
    updatedAt: new Date(),
  };
}

const RELATIONS: ViewerRelation[] = ['self', 'match', 'participant', 'organiser', 'none'];
/** relation → levels whose fields it sees (written out as the brief states it). */
const EXPECTED: Record<ViewerRelation, Visibility[]> = {
  self: ['participants', 'matches', 'nobody'],
  match: ['participants', 'matches'],
  participant: ['participants'],
  organiser: ['participants'],
  none: [],
};

describe('visibleProfile', () => {
  it.each(RELATIONS)(
    '%s: each field exactly at the levels it is entitled to; the contact only for self and match',
    (relation) => {
      for (const level of ['participants', 'matches', 'nobody'] as Visibility[]) {
        const seen = visibleProfile(profile(level), relation);
        if (relation === 'none') {
          expect(seen).toBeNull();
          continue;
        }
        expect(seen).toMatchObject({ nickname: '青柠', gender: 'F' });
        for (const field of PROFILE_FIELDS) expect(field in seen!).toBe(EXPECTED[relation].includes(level));
        expect('contact' in seen!).toBe(relation === 'self' || relation === 'match');
      }
    },
  );

  it('mixes levels field by field', () => {
    const p = profile('nobody');
    p.visibility.city = 'participants';
    p.visibility.photos = 'matches';
    expect(Object.keys(visibleProfile(p, 'participant')!).sort()).toEqual(['city', 'gender', 'nickname']);
    expect(Object.keys(visibleProfile(p, 'match')!).sort()).toEqual(['city', 'contact', 'gender', 'nickname', 'photos']);
  });

  it('shows nothing of a paused profile to anyone but its owner', () => {
    for (const relation of RELATIONS) {
      const seen = visibleProfile(profile('participants', true), relation);
      if (relation === 'self') expect(seen?.city).toBe('常州市天宁区');
      else expect(seen).toBeNull();
    }
  });

  it('treats a field without a stored level by the default (photos: matches only)', () => {
    const p = profile('participants');
    delete (p.visibility as Partial<ProfileRecord['visibility']>).photos;
    expect(visibleProfile(p, 'participant')!.photos).toBeUndefined();
    expect(visibleProfile(p, 'match')!.photos).toHaveLength(1);
  });

  it('hands out a copy of the photo list', () => {
    const p = profile('participants');
    visibleProfile(p, 'participant')!.photos!.push('x');
    expect(p.photos).toHaveLength(1);
  });
});

describe('relationOf', () => {
  const none = { self: false, blocked: false, matched: false, fellowParticipants: false, organiser: false };
  it('ranks self, then a block (which outranks everything else), then match, participant, organiser', () => {
    expect(relationOf({ ...none, self: true, blocked: true })).toBe('self');
    expect(relationOf({ ...none, blocked: true, matched: true, fellowParticipants: true, organiser: true })).toBe('none');
    expect(relationOf({ ...none, matched: true, fellowParticipants: true })).toBe('match');
    expect(relationOf({ ...none, fellowParticipants: true, organiser: true })).toBe('participant');
    expect(relationOf({ ...none, organiser: true })).toBe('organiser');
    expect(relationOf(none)).toBe('none');
  });
});

describe('the engine hook', () => {
  it('marks 单身联谊 as an area whose participants are private, and no other', () => {
    const hasPrivateList = inHouse(
      engineHouse({ matchmaking: matchmakingEngine, recuperation: recuperationEngine }),
      engine.hasPrivateList,
    );
    expect(hasPrivateList('matchmaking')).toBe(true);
    expect(hasPrivateList('recuperation')).toBe(false);
  });
});
