export const HARDSHIP_COLLECTIONS = {
  /** Applications for hardship help (one open per member: see locks). */
  cases: 'hardship_cases',
  /** One document per member: the open case id, written with the case in one transaction. */
  locks: 'hardship_locks',
  /** 困难职工档案: one per member whose case was approved (_id = openid). */
  files: 'hardship_files',
  /** Help given on a file (money, goods, visits). */
  help: 'hardship_help',
  /** 公示 of newly 认定 families (the 公示 mechanism's host documents; rows name the files). */
  publicity: 'hardship_publicity',
  /** Objections to an entry of a 公示 (shared/publicity: one per member and entry, objector never shown). */
  objections: 'hardship_objections',
  /** The union's standard (one document, _id "current"). */
  standard: 'hardship_standard',
} as const;
