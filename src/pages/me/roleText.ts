import { ROLE_LABELS } from '@rules/roles';
import type { Session } from '../../api/types';

/**
 * What 我的 says about the person: their roles by name with what they act for (工会干部 · 武进区总工会),
 * else 会员 or 未入会. Never an openid.
 */
export function roleLines(session: Session | null): string[] {
  if (!session) return [];
  const lines = session.roles.map((g) => (g.scopeName ? `${ROLE_LABELS[g.role]} · ${g.scopeName}` : ROLE_LABELS[g.role]));
  if (session.isAdmin && !session.roles.some((g) => g.role === 'admin')) lines.unshift(ROLE_LABELS.admin);
  if (session.member) lines.push(ROLE_LABELS.member);
  return lines.length ? lines : ['未入会'];
}

/** The name to greet: the member's, else the applicant's, else the name given with a staff role, else none yet. */
export function displayName(session: Session | null): string {
  return session?.displayName ?? '微信用户';
}
