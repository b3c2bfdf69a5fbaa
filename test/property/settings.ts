/**
 * How long the property tests run. CI: a fixed seed and a few dozen runs per property (the whole
 * suite stays well under a minute). `npm run fuzz` (scripts/fuzz.mjs) sets FUZZ_RUNS and FUZZ_SEED for
 * deeper runs; a failure prints the seed and path to replay it (FUZZ_SEED=… FUZZ_PATH=…).
 */
import type { Parameters } from 'fast-check';

const int = (value: string | undefined): number | undefined => (value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined);

/** Multiplier: FUZZ_RUNS is the number of runs of the cheapest property; others scale down from it. */
const runs = int(process.env.FUZZ_RUNS);
const seed = int(process.env.FUZZ_SEED);
const path = process.env.FUZZ_PATH;

export const fuzzing = runs !== undefined;

/** fast-check parameters for a property whose CI budget is `ciRuns` runs (seed `ciSeed`). */
export function settings<T>(ciRuns: number, ciSeed: number, weight = 1): Parameters<T> {
  return {
    numRuns: runs !== undefined ? Math.max(1, Math.round(runs * weight)) : ciRuns,
    seed: seed ?? ciSeed,
    ...(path !== undefined ? { path } : {}),
    endOnFailure: true,
  };
}

/** Per-test timeout: generous when fuzzing (the hang guard), else the suite default. */
export const timeout = fuzzing ? 24 * 60 * 60 * 1000 : 60_000;
