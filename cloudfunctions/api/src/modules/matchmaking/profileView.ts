/**
 * Renders what visibleProfile let through — and nothing else: photos become short-lived links (one storage
 * request for a whole list), a sealed contact is opened only when it was let through (owner, mutual match).
 */
import { decryptPii } from '../../lib/pii';
import { CONTACT_KINDS, EDUCATION, GENDER_TEXT } from '../../rules/matchmaking';
import { temporaryUrls } from '../../shared/files';
import type { VisibleProfile } from './visibility';
import type { ProfileView } from './views';

/** Photos in lists: the first only (the cover); details: all. */
export type PhotoMode = 'cover' | 'all';

export async function renderProfiles(
  list: ReadonlyArray<VisibleProfile | null>,
  photos: PhotoMode,
): Promise<Array<ProfileView | null>> {
  const wanted = list.map((p) => (p?.photos ? (photos === 'all' ? p.photos : p.photos.slice(0, 1)) : []));
  const urls = await temporaryUrls(wanted.flat());
  let next = 0;
  return list.map((p, i) => {
    if (!p) return null;
    const view: ProfileView = { nickname: p.nickname, gender: p.gender, genderText: GENDER_TEXT[p.gender] };
    if (p.birthYear !== undefined) view.birthYear = p.birthYear;
    if (p.height !== undefined) view.height = p.height;
    if (p.education !== undefined) {
      view.education = p.education;
      view.educationText = EDUCATION[p.education];
    }
    if (p.city !== undefined) view.city = p.city;
    if (p.occupation !== undefined) view.occupation = p.occupation;
    if (p.intro !== undefined) view.intro = p.intro;
    if (p.photos) view.photoUrls = wanted[i].map(() => urls[next++]);
    if (p.contact)
      view.contact = { kind: p.contact.kind, kindText: CONTACT_KINDS[p.contact.kind], value: decryptPii(p.contact.sealed) };
    return view;
  });
}

export async function renderProfile(p: VisibleProfile | null, photos: PhotoMode): Promise<ProfileView | null> {
  return (await renderProfiles([p], photos))[0];
}
