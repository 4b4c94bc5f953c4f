/** 线上法律咨询 shapes, derived from the server contract (never restated). */
import type { OutputOf } from '../../api/types';

export type ThreadView = OutputOf<'legalQa.get'>;
export type QuestionRow = OutputOf<'legalQa.queue'>['items'][number];
export type WageRow = OutputOf<'legalQa.wageQueue'>['items'][number];
export type WageDetail = OutputOf<'legalQa.wage'>;
