/**
 * Environment variables and ConfigMap keys named like secrets are masked in every output format, on both
 * sides, whether changed, added, removed or unchanged next to a change; other settings are shown; with
 * showSecrets everything is shown (so the search can fail).
 */
import { describe, expect, test } from 'vitest';
import { diffManifests } from '../../src/diff/index.js';
import { isSecretSettingName } from '../../src/diff/mask-settings.js';
import { DIFF_OUTPUTS, renderers } from '../../src/diff/render/index.js';
import type { JsonObject } from '../../src/k8s/object.js';
import { deployment, objects } from './diff-object.js';

describe('isSecretSettingName', () => {
  test.each(['DB_PASSWORD', 'POSTGRES_PASSWORD', 'MYSQL_ROOT_PASS', 'PGPASSWORD', 'API_TOKEN', 'GITHUB_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'SECRET_KEY_BASE', 'STRIPE_API_KEY', 'apiKey', 'PRIVATE_KEY', 'SENTRY_DSN', 'BASIC_AUTH', 'CREDENTIALS', 'PASSWORD_SALT', 'SESSION_COOKIE', 'STRIPE_KEY', 'db-password'])('%s holds a secret', (name) => {
    expect(isSecretSettingName(name)).toBe(true);
  });
  test.each(['APP_ENV', 'PORT', 'DATABASE_HOST', 'LOG_LEVEL', 'PASSENGER_COUNT', 'AUTHOR', 'KEYCLOAK_URL', 'CACHE_KEY_PREFIX', 'MONKEY_MODE', 'REPLICAS'])('%s does not', (name) => {
    expect(isSecretSettingName(name)).toBe(false);
  });
});

const PLANTED = ['PLANTED-old-pw', 'PLANTED-new-pw', 'PLANTED-same-token', 'PLANTED-cm-old', 'PLANTED-cm-new', 'PLANTED-added-pw', 'PLANTED-removed-key'];

const configMap = (data: JsonObject): JsonObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'api-env', namespace: 'shop' }, data });
const env = (password: string, extra: JsonObject[] = []) => [
  { name: 'api', image: 'api:1', env: [{ name: 'DB_PASSWORD', value: password }, { name: 'API_TOKEN', value: 'PLANTED-same-token' }, { name: 'APP_ENV', value: 'production' }, ...extra] },
];

function run(showSecrets: boolean) {
  const left = objects(
    deployment(env('PLANTED-old-pw')),
    configMap({ DB_PASSWORD: 'PLANTED-cm-old', MODE: 'a' }),
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'gone', namespace: 'shop' }, data: { SECRET_KEY: 'PLANTED-removed-key' } },
  );
  const right = objects(
    deployment(env('PLANTED-new-pw', [{ name: 'NEW_PASSWORD', value: 'PLANTED-added-pw' }])),
    configMap({ DB_PASSWORD: 'PLANTED-cm-new', MODE: 'b' }),
  );
  return diffManifests(left, right, { showSecrets });
}

describe('diff output', () => {
  for (const output of DIFF_OUTPUTS) {
    test(`${output}: no planted value; the changes and the other settings are shown`, () => {
      const text = renderers[output](run(false), { color: false, context: 3 });
      for (const value of PLANTED) expect(text).not.toContain(value);
      if (output === 'summary') return;
      if (output === 'unified') expect(text).toContain('production'); // unchanged: json lists changes only
      expect(text).toMatch(/DB_PASSWORD/);
      expect(text).toMatch(/"?b"?/);
    });

    if (output === 'summary') continue;
    test(`${output} with showSecrets: the values are shown`, () => {
      const text = renderers[output](run(true), { color: false, context: 3 });
      for (const value of ['PLANTED-old-pw', 'PLANTED-new-pw', 'PLANTED-cm-new', 'PLANTED-added-pw', 'PLANTED-removed-key']) expect(text).toContain(value);
    });
  }

  test('a changed masked value shows as a change (before/after), an unchanged one as a plain mask', () => {
    const text = renderers.unified(run(false), { color: false, context: 3 });
    expect(text).toContain('*** (before)');
    expect(text).toContain('*** (after)');
    const result = run(false);
    const deploymentDiff = result.objects.find((o) => o.kind === 'Deployment')!;
    expect(deploymentDiff.status).toBe('changed');
    expect(deploymentDiff.changes.some((c) => c.masked)).toBe(true);
  });
});
