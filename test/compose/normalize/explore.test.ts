import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'vitest';
import { stringify } from 'yaml';
import { normalizeProject } from '../../../src/compose/normalize/index.js';
import { printProject } from '../../../src/compose/print.js';
import { parseLocatedStream } from '../../../src/source/located.js';
const files = (process.env.FILES ?? '').split(' ').filter(Boolean);
test('explore', () => {
  const out: string[] = [];
  for (const file of files) {
    const parsed = parseLocatedStream({ path: file, text: readFileSync(file, 'utf8') });
    const root = parsed.documents[0] as any;
    const diags: any[] = [];
    const p = normalizeProject(root, { workingDir: dirname(file), env: { HOME: '/home/me' }, report: (d) => diags.push(d) });
    for (const d of diags) out.push(`${d.file.replace(/.*awesome-compose\//, '')}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
    if (process.env.PRINT) out.push(stringify(printProject({ name: 'p', workingDir: dirname(file), files: [file], ...p })));
  }
  console.log(out.join('\n'));
});
