import { describe, expect, test } from 'vitest';
import { validateObject } from '../../src/k8s/schema/index.js';
import { blocksEviction } from '../../src/translate/disruption.js';
import { convertText } from './x-shipshape-harness.js';

/** Service `db` with `replicas` and a disruption budget (line 7 with replicas given). */
const db = (budget: string, extra = '    deploy: {replicas: 3}\n'): string => `services:\n  db:\n    image: db:1.0\n${extra}    x-shipshape:\n      disruptionBudget: ${budget}\n`;

describe('PodDisruptionBudget', () => {
  test.each([
    ['minAvailable', '{minAvailable: 2}', { minAvailable: 2 }],
    ['maxUnavailable as a percentage', '{maxUnavailable: 34%}', { maxUnavailable: '34%' }],
  ])('%s, over the workload selector', async (_name, budget, spec) => {
    const r = await convertText(db(budget));
    expect(r.codes).toEqual([]);
    const pdb = r.get('PodDisruptionBudget/db')!;
    const selector = (r.get('Deployment/db')!.spec as { selector: unknown }).selector;
    expect(pdb.spec).toEqual({ ...spec, selector });
    expect(validateObject(JSON.parse(JSON.stringify(pdb)))).toEqual({ status: 'valid' });
  });

  test.each([
    ['minAvailable = replicas', '{minAvailable: 3}'],
    ['minAvailable 100%', '{minAvailable: 100%}'],
    ['maxUnavailable 0', '{maxUnavailable: 0}'],
  ])('%s blocks every eviction: warning, still generated', async (_name, budget) => {
    const r = await convertText(db(budget));
    expect(r.codes).toEqual(['6:7 warning convert/disruption-budget-blocks']);
    expect(r.get('PodDisruptionBudget/db')).toBeDefined();
  });

  test.each([
    ['Job', '{minAvailable: 1}', '    restart: "no"\n'],
    ['CronJob', '{minAvailable: 1}', ''],
    ['DaemonSet with maxUnavailable', '{maxUnavailable: 1}', '    deploy: {mode: global}\n'],
    ['DaemonSet with a percentage', '{minAvailable: 50%}', '    deploy: {mode: global}\n'],
  ])('%s: error, no budget', async (name, budget, extra) => {
    const yaml = name === 'CronJob' ? `services:\n  db:\n    image: db:1.0\n    x-shipshape:\n      schedule: "@daily"\n      disruptionBudget: ${budget}\n` : db(budget, extra);
    const r = await convertText(yaml);
    expect(r.codes.filter((c) => c.includes('disruption'))).toEqual(['6:7 error convert/disruption-budget-controller']);
    expect(r.get('PodDisruptionBudget/db')).toBeUndefined();
  });

  test('a DaemonSet takes a number minAvailable', async () => {
    const r = await convertText(db('{minAvailable: 1}', '    deploy: {mode: global}\n'));
    expect(r.codes).toEqual([]);
    expect(r.get('PodDisruptionBudget/db')!.spec).toMatchObject({ minAvailable: 1 });
  });

  test.each([
    [2, undefined, 3, false],
    [3, undefined, 3, true],
    ['50%', undefined, 1, true],
    ['50%', undefined, 3, false],
    [undefined, 1, 1, false],
    [undefined, '0%', 5, true],
    [undefined, '10%', 5, false],
  ] as const)('minAvailable %s / maxUnavailable %s of %i replicas blocks: %s', (min, max, replicas, blocks) => {
    expect(blocksEviction(min, max, replicas)).toBe(blocks);
  });
});
