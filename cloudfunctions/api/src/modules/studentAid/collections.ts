export const STUDENT_AID_COLLECTIONS = {
  /** One 金秋助学 window per union and school year (_id = `SA<year>-<orgId>`); also the host of its 公示. */
  windows: 'student_aid_windows',
  /** Applications, one per child and window at most while open or granted (see claims). */
  applications: 'student_aid_applications',
  /**
   * One document per student and school year (_id = `<year>_<keyed hash of the ID number>`): the application
   * holding the student's grant, written in the same transaction as the application. Two parents applying for
   * one child, or a double tap, race on it and one loses.
   */
  claims: 'student_aid_claims',
  /** Objections to a window's 公示 (shared/publicity). */
  objections: 'student_aid_objections',
} as const;
