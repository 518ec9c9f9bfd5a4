/**
 * A second look at the best candidates: how much of the query their title covers. Titles
 * are written to be found, so among articles that all mention 톡안녕패스 and 등록, the one
 * titled "톡안녕패스를 등록하려면…" should lead. Only the top RERANK_DEPTH documents are
 * looked at, which bounds the cost and cannot reorder anything below them.
 */
import type { Catalog } from './catalog';
import type { QueryPlan } from './query-plan';
import type { Matches } from './scorer';

/** A title covering the whole query multiplies the score by 1 + TITLE_BONUS. */
export const TITLE_BONUS = 0.5;
const RERANK_DEPTH = 64;

const BUCKETS = 256;

/**
 * A score that at least n documents reach (about the n-th best): a histogram pass instead of
 * sorting thousands of scores.
 */
function nthBestScore(matches: Matches, n: number): number {
  const { docs, score } = matches;
  if (docs.length <= n) return -Infinity;
  let max = 0;
  for (let i = 0; i < docs.length; i++) max = Math.max(max, score[docs[i]!]!);
  if (max <= 0) return -Infinity;
  const histogram = new Int32Array(BUCKETS);
  const scale = (BUCKETS - 1) / max;
  for (let i = 0; i < docs.length; i++) histogram[Math.floor(score[docs[i]!]! * scale)]!++;
  let seen = 0;
  for (let bucket = BUCKETS - 1; bucket >= 0; bucket--) {
    seen += histogram[bucket]!;
    if (seen >= n) return bucket / scale;
  }
  return -Infinity;
}

export function rerankByTitle(matches: Matches, plan: QueryPlan, catalog: Catalog): void {
  const concepts = plan.concepts.filter((c) => c.inTitle);
  if (!concepts.some((c) => !c.optional)) return;
  if (concepts.length === 0) return;
  const cutoff = nthBestScore(matches, RERANK_DEPTH);
  for (const doc of matches.docs) {
    if (matches.score[doc]! < cutoff) continue;
    const tokens = catalog.titleTokens(doc);
    let covered = 0;
    for (const concept of concepts) if (tokens.some((token) => concept.matcher.match(token) !== null)) covered++;
    matches.score[doc]! *= 1 + (TITLE_BONUS * covered) / concepts.length;
  }
}
