/** 金秋助学 test inputs shared by the area's integration tests and the forced-order matrix. */
import { uploadAs } from './matchmaking';
import type { GivenPerson, TestCloud } from './scenario';

let uploads = 0;

/** A complete `studentAid.apply` input for a university student, with the admission letter and receipt uploaded by `m`. */
export async function studentAidInput(
  env: TestCloud,
  m: GivenPerson,
  windowId: string,
  childIdNumber: string,
  extra: Record<string, unknown> = {},
) {
  uploads += 1;
  return {
    windowId,
    childName: '孙悦',
    childIdNumber,
    level: 'university' as const,
    school: '南京理工大学',
    major: '机械工程',
    tuition: 5200,
    admissionLetter: await uploadAs(env.cloud.baseUrl, m.openid, `letter-${uploads}.png`),
    receipt: await uploadAs(env.cloud.baseUrl, m.openid, `receipt-${uploads}.png`),
    household: { householdSize: 3, income: 3000, rigidExpenses: 600 },
    sensitiveConsent: true as const,
    ...extra,
  };
}
