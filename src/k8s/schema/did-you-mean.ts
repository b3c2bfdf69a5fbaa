/** The known name closest to a misspelt one ("contianers" → "containers"). */

/** Edit distance with adjacent transpositions (optimal string alignment), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (s === t) return a === b ? 0 : 1;
  const rows: number[][] = [];
  for (let i = 0; i <= s.length; i++) rows.push([i, ...new Array<number>(t.length).fill(0)]);
  const row0 = rows[0]!;
  for (let j = 0; j <= t.length; j++) row0[j] = j;
  for (let i = 1; i <= s.length; i++) {
    const row = rows[i]!;
    const prev = rows[i - 1]!;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row[j] = d;
    }
  }
  return rows[s.length]![t.length]!;
}

/**
 * The candidate within `maxDistance` edits of `name` (ties: the first in sorted order), or `undefined`.
 * Names of one or two characters only match on case.
 */
export function closestName(name: string, candidates: Iterable<string>, maxDistance = 2): string | undefined {
  const sorted = [...candidates].sort();
  if (name.length <= 2) return sorted.find((c) => c !== name && c.toLowerCase() === name.toLowerCase());
  const limit = Math.min(maxDistance, name.length - 2);
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of sorted) {
    if (Math.abs(candidate.length - name.length) > limit) continue;
    const d = editDistance(name, candidate);
    if (d < bestDistance && d > 0) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
