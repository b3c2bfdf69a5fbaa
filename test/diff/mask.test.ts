/**
 * Masking is airtight: Secret values planted in every shape a change can take never appear in any output
 * format (plain text, base64, or inside a JSON string) unless showSecrets; with it they do (so this test
 * can fail).
 */
import { describe, expect, test } from 'vitest';
import { diffManifests } from '../../src/diff/index.js';
import { renderers, DIFF_OUTPUTS } from '../../src/diff/render/index.js';
import type { JsonObject } from '../../src/k8s/object.js';
import { objects } from './diff-object.js';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
let counter = 0;
const planted: string[] = [];
/** A fresh secret value, remembered for the search. */
function plant(): string {
  const value = `PLANTED-${++counter}-s3cr3t`;
  planted.push(value);
  return value;
}

const secret = (name: string, fields: JsonObject, extra: JsonObject = {}): JsonObject => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name, ...extra }, ...fields });

function sides(): { left: JsonObject[]; right: JsonObject[] } {
  const same = plant();
  const lastApplied = plant();
  return {
    left: [
      secret('changed-data', { data: { a: b64(plant()), same: b64(same), gone: b64(plant()) } }, { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({ data: { a: b64(lastApplied) } }) } }),
      secret('string-data', { stringData: { token: plant(), multi: `line1\n${plant()}\n` } }),
      secret('data-appears', {}),
      secret('data-goes', { data: { k: b64(plant()) } }),
      secret('not-a-map', { data: plant() }),
      secret('removed', { data: { k: b64(plant()) }, stringData: { s: plant() } }),
      secret('type-change', { data: { k: b64(plant()) } }),
    ],
    right: [
      secret('changed-data', { data: { a: b64(plant()), same: b64(same), fresh: b64(plant()) } }),
      secret('string-data', { stringData: { token: plant(), multi: `line1\n${plant()}\n` } }),
      secret('data-appears', { data: { k: b64(plant()) }, stringData: { s: plant() } }),
      secret('data-goes', {}),
      secret('not-a-map', { data: { k: b64(plant()) } }),
      secret('added', { data: { k: b64(plant()) }, stringData: { s: plant() } }),
      secret('type-change', { data: [b64(plant())] } as JsonObject),
    ],
  };
}

function outputs(showSecrets: boolean): string[] {
  const { left, right } = sides();
  const result = diffManifests(objects(...left), objects(...right), { showSecrets });
  const out: string[] = [];
  for (const name of DIFF_OUTPUTS) for (const color of [false, true]) out.push(renderers[name](result, { color, context: 1000 }));
  return out;
}

function leaks(text: string): string[] {
  const found: string[] = [];
  for (const value of planted) {
    for (const form of [value, b64(value), JSON.stringify(value).slice(1, -1), b64(`line1\n${value}\n`)]) if (text.includes(form)) found.push(form);
  }
  return found;
}

describe('Secret masking', () => {
  test('no planted value, nor its base64, in any format', () => {
    const all = outputs(false).join('\n');
    expect(all).toContain('***');
    expect(all).toContain('*** (before)');
    expect(all).toContain('*** (after)');
    expect(leaks(all)).toEqual([]);
  });

  test('every Secret change is still reported', () => {
    const { left, right } = sides();
    const result = diffManifests(objects(...left), objects(...right));
    const byName = Object.fromEntries(result.objects.map((o) => [o.name, o]));
    expect(byName['changed-data']!.changes.map((c) => [c.op, c.masked])).toEqual([
      ['changed', true],
      ['removed', true],
      ['added', true],
    ]);
    expect(byName['string-data']!.status).toBe('changed');
    expect(byName['data-appears']!.status).toBe('changed');
    expect(byName['added']!.status).toBe('added');
    expect(byName['removed']!.status).toBe('removed');
  });

  test('with showSecrets the values are shown (data as base64)', () => {
    const all = outputs(true).join('\n');
    expect(leaks(all).length).toBeGreaterThan(0);
  });

  test('other kinds are not masked', () => {
    const cm = (v: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { v } });
    const result = diffManifests(objects(cm('old-visible')), objects(cm('new-visible')));
    expect(renderers.json(result, { color: false })).toContain('new-visible');
  });
});
