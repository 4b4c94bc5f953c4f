/**
 * Database requests per call of a few actions of the project's `api` function: the built
 * cloudfunctions/api/index.js, called through POST /fn/api with the demo data seeded. The local cloud
 * counts each call's requests (header x-local-cloud-db-requests). The budgets per action (issue 20) are held by
 * tests/integration/request-budget.test.ts, which also measures the actions that need a scenario first
 * (membership.approveMany of 50, recuperation.signUp, legalAid.book).
 */

import { makeIdNumber } from '../../cloudfunctions/api/src/rules/idNumber';
import { PRIVACY_POLICY_VERSION } from '../../cloudfunctions/api/src/rules/membership';

/** The actions measured (the project's own; this file is the benchmark's one link to it). */
export const API_ACTIONS: Array<{
  action: string;
  /** What the figure is printed as (default: the action). */
  label?: string;
  openid: (i: number) => string;
  input: (i: number) => unknown;
}> = [
  { action: 'session.get', openid: () => 'demo-member-01', input: () => ({}) },
  // Staff launch the app too: their grants come with the account, the names of their scopes in one more request.
  { action: 'session.get', label: 'session.get (staff)', openid: () => 'demo-staff-wujin', input: () => ({}) },
  { action: 'card.get', openid: () => 'demo-member-01', input: () => ({}) },
  { action: 'card.token', openid: () => 'demo-member-01', input: () => ({}) },
  {
    action: 'membership.apply',
    openid: (i) => `bench-applicant-${i}`,
    input: (i) => ({
      name: '李明华',
      idNumber: makeIdNumber('320412', '19900307', String(100 + i).slice(-3)),
      mobile: '13812345678',
      workUnit: '常州湖塘精密机械有限公司',
      orgId: 'org-cz-wujin-g1',
      channel: 'employer',
      privacyConsent: PRIVACY_POLICY_VERSION,
    }),
  },
];

export interface ActionFigures {
  action: string;
  dbRequests: number[];
  medianMs: number;
  ok: boolean;
}

export async function measureApiActions(baseUrl: string, times: number): Promise<ActionFigures[]> {
  const out: ActionFigures[] = [];
  for (const { action, label, openid, input } of API_ACTIONS) {
    const dbRequests: number[] = [];
    const durations: number[] = [];
    let ok = true;
    for (let i = 0; i < times; i++) {
      const started = performance.now();
      const res = await fetch(`${baseUrl}/fn/api`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ openid: openid(i), data: { action, input: input(i) } }),
      });
      durations.push(performance.now() - started);
      const body = (await res.json()) as { result?: { ok?: boolean } };
      ok &&= res.status === 200 && body.result?.ok === true;
      dbRequests.push(Number(res.headers.get('x-local-cloud-db-requests')));
    }
    durations.sort((a, b) => a - b);
    out.push({ action: label ?? action, dbRequests, medianMs: durations[Math.floor(durations.length / 2)], ok });
  }
  return out;
}
