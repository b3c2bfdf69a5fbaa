/**
 * docs/conversion.md stays in step with the key registry: the dropped-key lists are rendered from it (regenerate
 * with UPDATE_GOLDEN=1), and every key a part handles is documented.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import * as registry from '../../src/translate/unsupported.js';
import type { KeyHandling } from '../../src/translate/unsupported.js';

const docPath = fileURLToPath(new URL('../../docs/conversion.md', import.meta.url));

const sections: Record<string, [string, Readonly<Record<string, KeyHandling>>][]> = {
  service: [['', registry.SERVICE_KEYS]],
  deploy: [
    ['deploy.', registry.DEPLOY_KEYS],
    ['deploy.resources.', registry.RESOURCES_KEYS],
    ['deploy.resources.limits.', registry.RESOURCE_LIMIT_KEYS],
    ['deploy.resources.reservations.', registry.RESOURCE_RESERVATION_KEYS],
    ['deploy.resources.reservations.devices[].', registry.DEVICE_KEYS],
    ['deploy.restart_policy.', registry.RESTART_POLICY_KEYS],
    ['deploy.update_config.', registry.UPDATE_CONFIG_KEYS],
    ['deploy.placement.', registry.PLACEMENT_KEYS],
  ],
  entries: [
    ['healthcheck.', registry.HEALTHCHECK_KEYS],
    ['ports[].', registry.PORT_KEYS],
    ['depends_on.<service>.', registry.DEPENDENCY_KEYS],
    ['networks.<network>.', registry.SERVICE_NETWORK_KEYS],
  ],
};

function render(tables: [string, Readonly<Record<string, KeyHandling>>][]): string {
  const rows = ['| Key | Severity | Why |', '| --- | --- | --- |'];
  for (const [prefix, table] of tables) {
    for (const [key, handling] of Object.entries(table).sort(([a], [b]) => (a < b ? -1 : 1))) {
      if ('dropped' in handling) rows.push(`| \`${prefix}${key}\` | ${handling.severity} | ${handling.dropped.replace(/\|/g, '\\|')} |`);
    }
  }
  return rows.join('\n');
}

function withSections(text: string): string {
  let out = text;
  for (const [name, tables] of Object.entries(sections)) {
    const start = `<!-- dropped:${name}:start -->`;
    const end = `<!-- dropped:${name}:end -->`;
    const i = out.indexOf(start);
    const j = out.indexOf(end);
    if (i === -1 || j === -1) throw new Error(`docs/conversion.md lacks the ${name} markers`);
    out = `${out.slice(0, i + start.length)}\n${render(tables)}\n${out.slice(j)}`;
  }
  return out;
}

test('the dropped-key tables of docs/conversion.md are rendered from the registry', () => {
  const text = readFileSync(docPath, 'utf8');
  const expected = withSections(text);
  if (process.env.UPDATE_GOLDEN === '1' && expected !== text) writeFileSync(docPath, expected);
  else expect(text).toBe(expected);
});

test('every handled key is documented', () => {
  const text = readFileSync(docPath, 'utf8');
  const missing: string[] = [];
  for (const tables of Object.values(sections)) {
    for (const [prefix, table] of tables) {
      for (const [key, handling] of Object.entries(table)) {
        if ('by' in handling && !text.includes(`\`${prefix}${key}\``) && !text.includes(`\`${key}\``)) missing.push(`${prefix}${key}`);
      }
    }
  }
  expect(missing).toEqual([]);
});
