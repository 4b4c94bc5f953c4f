/**
 * What an area's demo data (`modules/<area>/demo.ts`, used by `npm run dev` and end-to-end tests, never
 * bundled into the function) gets from the seeding script: a writer, the org tree and a way to add people.
 * Every person in demo data is fictional.
 */
export interface DemoOrg {
  _id: string;
  name: string;
  parentId: string | null;
  kind: 'city' | 'district' | 'industry' | 'grassroots';
  acceptsNewEmployment: boolean;
  path: string[];
  sort: number;
}

export interface DemoPerson {
  openid: string;
  name: string;
  idNumber: string;
  mobile: string;
  workUnit: string;
  orgId: string;
  gender?: 'M' | 'F';
}

export interface DemoKit {
  /** Creates or replaces one document (idempotent: deterministic ids). */
  put(collection: string, id: string, data: Record<string, unknown>): Promise<void>;
  orgs: ReadonlyMap<string, DemoOrg>;
  /** An approved member with a card (account, application, ID registry entry and member record). */
  addMember(person: DemoPerson & { cardNo: string; memberSince: Date; facts?: Record<string, unknown> }): Promise<void>;
  /** A pending application (account, application and ID registry entry). */
  addApplicant(
    person: DemoPerson & { submittedAt: Date; channel?: 'employer' | 'new_employment'; occupation?: string },
  ): Promise<void>;
  /** The id of a person's membership application (as the function derives it). */
  applicationIdOf(openid: string): string;
  /** The moment the demo is seeded; demo dates are relative to it so that windows are open. */
  now: Date;
}

/** An area's demo data; `order` decides when it runs (lower first; people before what they sign up for). */
export interface AreaDemo {
  order?: number;
  seed(kit: DemoKit): Promise<void>;
}
