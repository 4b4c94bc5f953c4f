/** Collections the 线上法律咨询 area owns (indexes and rules in config/collections.json). */
export const LEGAL_QA_COLLECTIONS = {
  /** Questions asked online; the thread's state (first answer, reminder, booking, rating) lives on it. */
  questions: 'legalqa_questions',
  /** The thread's messages (member ↔ the station's duty lawyers); text sealed. */
  messages: 'legalqa_messages',
  /** 欠薪求助: routed to the union of the employer's district. */
  wages: 'legalqa_wages',
} as const;
