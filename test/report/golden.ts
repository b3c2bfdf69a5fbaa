import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/**
 * Compare `actual` with the golden file test/report/golden/<name>. Regenerate on purpose with
 * `UPDATE_GOLDEN=1 npx vitest run test/report` and review the diff.
 */
export function expectGolden(actual: string, name: string): void {
  const path = fileURLToPath(new URL(`./golden/${name}`, import.meta.url));
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) {
    throw new Error(`golden file ${path} is missing: run UPDATE_GOLDEN=1 npx vitest run test/report, then review it`);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
