/**
 * Edit distance and "did you mean" suggestions, for every stage that names a mistyped key, kind, rule id
 * or label ("contianers" → "containers"). Pure and neutral: no stage-specific knowledge.
 */

/**
 * Edit distance by optimal string alignment: insertions, deletions, substitutions and transpositions of
 * adjacent characters each cost 1. Case-sensitive. Gives up (returns `max + 1`) as soon as it exceeds `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, before[j - 2]! + 1);
      }
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The candidate most likely meant by a mistyped `name`: within `maxDistance` edits, compared without
 * case (a difference in case alone counts as one edit), never `name` itself; ties go to the first in
 * sorted order. Names of one or two characters only match on case, and a name is never more than
 * `length - 2` edits from its suggestion (so `ab` does not suggest `xy`). `undefined` when none is close.
 */
export function closestName(name: string, candidates: Iterable<string>, maxDistance = 2): string | undefined {
  const sorted = [...candidates].sort();
  const lower = name.toLowerCase();
  if (name.length <= 2) return sorted.find((c) => c !== name && c.toLowerCase() === lower);
  const limit = Math.min(maxDistance, name.length - 2);
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of sorted) {
    if (candidate === name) continue;
    const other = candidate.toLowerCase();
    const d = other === lower ? 1 : editDistance(lower, other, limit);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
