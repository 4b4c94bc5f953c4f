/**
 * What follows a closed or merged union (issue 19): each area declares the collections whose open records name a
 * member's union (ModuleDef.orgRecords). A declaration names only the area's own collections, keeps a path copy the
 * area also declares for moves (orgPaths), and lists open statuses that exist; the house gathers them all.
 */
import type { ModuleDef } from '../../../cloudfunctions/api/src/action';
import { MODULES as LISTED } from '../../../cloudfunctions/api/src/actions';
import { buildHouse } from '../../../cloudfunctions/api/src/house';

const MODULES: readonly ModuleDef[] = LISTED;

it('declares, for each area, only its own collections with the path copies its moves rewrite', () => {
  const problems: string[] = [];
  for (const m of MODULES) {
    const own = new Set(Object.values(m.collections ?? {}));
    for (const h of m.orgRecords ?? []) {
      if (!own.has(h.collection)) problems.push(`${m.area}: ${h.collection} is not its own`);
      if (!h.openStatuses.length) problems.push(`${m.area}: ${h.collection} lists no open status`);
      if (h.pathField && !(m.orgPaths ?? []).some((p) => p.collection === h.collection && p.field === h.pathField))
        problems.push(`${m.area}: ${h.collection}.${h.pathField} is not among its orgPaths`);
    }
  }
  expect(problems).toEqual([]);
});

it('gathers every area’s declarations in the house, among them the member-facing applications issue 19 names', () => {
  const holders = buildHouse(MODULES).orgRecordHolders;
  expect(holders.length).toBe(MODULES.flatMap((m) => m.orgRecords ?? []).length);
  expect(holders.map((h) => h.collection)).toEqual(
    expect.arrayContaining(['hardship_cases', 'student_aid_applications', 'mutualaid_claims', 'voice_reports', 'enrollments']),
  );
  // Finished records are history: a decided status is never open.
  const cases = holders.find((h) => h.collection === 'hardship_cases');
  expect(cases?.openStatuses).toEqual(['submitted', 'visited']);
  // Left out of a house, an area contributes nothing.
  expect(buildHouse(MODULES.filter((m) => m.area !== 'hardship')).orgRecordHolders.map((h) => h.collection)).not.toContain(
    'hardship_cases',
  );
});
