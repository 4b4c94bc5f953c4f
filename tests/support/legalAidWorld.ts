/**
 * A small store for the legal-aid matrices: the demo union tree, the demo grants and the 法律援助 demo only
 * (stations, rosters, lawyers, their members), written straight into the local cloud.
 */
import { buildDemoOrgs, DEMO_GRANTS } from '../../scripts/seed-demo';
import { applicationIdOf, putApplicant, putMember } from '../../cloudfunctions/api/fixtures/people';
import { demo as legalAidDemo } from '../../cloudfunctions/api/fixtures/legalAid/demo';
import type { LooseDb } from './localCloud';

export async function seedLegalAidWorld(db: LooseDb): Promise<void> {
  const put = async (collection: string, id: string, data: Record<string, unknown>) => {
    await db.collection(collection).doc(id).set({ data });
  };
  const orgs = new Map(buildDemoOrgs().map((o) => [o._id, o]));
  for (const { _id, ...org } of orgs.values()) await put('orgs', _id, org);
  for (const g of DEMO_GRANTS) {
    await put('roles', `${g.openid}:${g.role}:${g.scopeId ?? '*'}`, {
      openid: g.openid,
      role: g.role,
      scopeId: g.scopeId,
      grantedAt: new Date(),
      grantedBy: 'seed',
    });
  }
  await legalAidDemo.seed({
    put,
    orgs,
    now: new Date(),
    addMember: (p) => putMember(put, p, orgs.get(p.orgId)!),
    addApplicant: (p) => putApplicant(put, p, orgs.get(p.orgId)!),
    applicationIdOf,
  });
}
