/**
 * Scores and rankings (pure). Scores are 0–100 with at most one decimal; the weighted total is computed in
 * integer thousandths of a point (theory × 10 × weight + practical × 10 × weight), so equal totals are
 * exactly equal — no floating-point near-ties.
 *
 * Tie rule (standard competition ranking, "1224"): entries are ordered by weighted total, highest first;
 * entries with equal totals share a rank, and the next rank skips as many places (1, 2, 2, 4). No
 * tie-break is applied. Within a tie the list shows entries by ticket (display order only). Absent (缺考)
 * or unscored entries get no rank and come last.
 *
 * Awards: prizes are consecutive bands of ranks in their order (一等奖 1, 二等奖 2 → ranks 1 and 2–3); an
 * entry gets the first prize whose band reaches its rank, so a tie across a boundary all get the higher
 * prize. Honours (e.g. 技术能手) go to ranks up to `topRanks` with a total of at least `minTotal`.
 */
import type { EventFields, Honour, Prize, ScoreValues } from './records';

/** A score is valid when it is 0–100 with at most one decimal. */
export function isValidScore(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= 100 && Math.abs(value * 10 - Math.round(value * 10)) < 1e-9;
}

/** The weighted total in thousandths of a point, or null when absent or a part is missing. */
export function weightedMilli(s: ScoreValues, weights: EventFields['weights']): number | null {
  if (s.absent || s.theory === null || s.practical === null) return null;
  return Math.round(s.theory * 10) * weights.theory + Math.round(s.practical * 10) * weights.practical;
}

/** Thousandths → points with two decimals (half up). */
export function pointsOf(milli: number): number {
  return Math.round(milli / 10) / 100;
}

export interface RankInput {
  key: string;
  /** Display order within a tie. */
  ticket: string;
  milli: number | null;
}

export interface Ranked {
  key: string;
  rank: number | null;
}

/** Standard competition ranking of `entries` (see the header), in display order. */
export function rankEntries(entries: readonly RankInput[]): Ranked[] {
  const scored = entries.filter((e) => e.milli !== null).sort((a, b) => b.milli! - a.milli! || a.ticket.localeCompare(b.ticket));
  const ranked: Ranked[] = [];
  scored.forEach((e, i) => {
    const rank = i > 0 && scored[i - 1].milli === e.milli ? ranked[i - 1].rank : i + 1;
    ranked.push({ key: e.key, rank });
  });
  const unranked = entries.filter((e) => e.milli === null).sort((a, b) => a.ticket.localeCompare(b.ticket));
  return [...ranked, ...unranked.map((e) => ({ key: e.key, rank: null }))];
}

/** The prize of a rank: the first band that reaches it. */
export function prizeFor(rank: number | null, prizes: readonly Prize[]): string | undefined {
  if (rank === null) return undefined;
  let upTo = 0;
  for (const p of prizes) {
    upTo += p.count;
    if (rank <= upTo) return p.name;
  }
  return undefined;
}

export function honoursFor(rank: number | null, milli: number | null, honours: readonly Honour[]): string[] {
  if (rank === null || milli === null) return [];
  return honours.filter((h) => rank <= h.topRanks && milli >= h.minTotal * 1000).map((h) => h.name);
}
