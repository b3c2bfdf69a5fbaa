import { describe, expect, test } from 'vitest';
import type { NormalizedProject } from '../../../src/compose/normalize/index.js';
import { WORKING_DIR, codes, normalizeText, withoutSpans } from './harness.js';

interface TopRow {
  name: string;
  yaml: string;
  env?: Record<string, string>;
  pick: (p: NormalizedProject) => unknown;
  expected?: unknown;
  /** `code@line:column` in the document. */
  diagnostics?: string[];
}

function describeTopTable(title: string, rows: TopRow[]): void {
  describe(title, () => {
    test.each(rows.map((r) => [r.name, r] as const))('%s', (_n, row) => {
      if (row.expected === undefined && row.diagnostics === undefined) throw new Error('row asserts nothing');
      const { project, diagnostics } = normalizeText(`services:\n  s:\n    image: x\n${row.yaml}\n`, row.env);
      expect(codes(diagnostics)).toEqual(row.diagnostics ?? []);
      if (row.expected !== undefined) expect(withoutSpans(row.pick(project))).toEqual(row.expected);
    });
  });
}

const vol = (key: string, extra: object = {}) => ({ key, external: false, driverOpts: [], labels: [], extensions: {}, ...extra });
const net = (key: string, extra: object = {}) => ({ key, external: false, internal: false, extensions: {}, ...extra });

describeTopTable('top-level volumes', [
  { name: 'null entry', yaml: 'volumes:\n  data:', pick: (p) => p.volumes, expected: [vol('data')] },
  { name: 'empty mapping', yaml: 'volumes:\n  data: {}', pick: (p) => p.volumes, expected: [vol('data')] },
  {
    name: 'driver, driver_opts, labels, name',
    yaml: 'volumes:\n  data:\n    name: my-data\n    driver: local\n    driver_opts:\n      type: nfs\n      o: addr=10.0.0.1\n    labels: [a=b]',
    pick: (p) => p.volumes,
    expected: [vol('data', { name: 'my-data', driver: 'local', driverOpts: [{ key: 'type', value: 'nfs' }, { key: 'o', value: 'addr=10.0.0.1' }], labels: [{ key: 'a', value: 'b' }] })],
  },
  { name: 'external: true names it after its key', yaml: 'volumes:\n  data:\n    external: true', pick: (p) => p.volumes, expected: [vol('data', { external: true, name: 'data' })] },
  { name: 'external with name', yaml: 'volumes:\n  data:\n    external: true\n    name: shared', pick: (p) => p.volumes, expected: [vol('data', { external: true, name: 'shared' })] },
  { name: 'deprecated external.name', yaml: 'volumes:\n  data:\n    external:\n      name: old', pick: (p) => p.volumes, expected: [vol('data', { external: true, name: 'old' })], diagnostics: ['compose/ignored-value@7:13'] },
  { name: 'external with a driver', yaml: 'volumes:\n  data:\n    external: true\n    driver: local', pick: (p) => p.volumes, expected: [vol('data', { external: true, name: 'data', driver: 'local' })], diagnostics: ['compose/invalid-value@7:5'] },
  { name: 'x- key', yaml: 'volumes:\n  data:\n    x-size: 5Gi', pick: (p) => p.volumes, expected: [vol('data', { extensions: { 'x-size': { value: '5Gi' } } })] },
  { name: 'a string entry', yaml: 'volumes:\n  data: fast', pick: (p) => p.volumes, expected: [], diagnostics: ['compose/invalid-type@5:9'] },
]);

describeTopTable('top-level networks', [
  { name: 'null entry', yaml: 'networks:\n  front:', pick: (p) => p.networks, expected: [net('front')] },
  {
    name: 'driver, internal, ipam kept as other',
    yaml: 'networks:\n  back:\n    driver: bridge\n    internal: true\n    ipam:\n      config:\n        - subnet: 172.28.0.0/16',
    pick: (p) => p.networks,
    expected: [net('back', { driver: 'bridge', internal: true, other: { ipam: { value: { config: [{ subnet: '172.28.0.0/16' }] } } } })],
  },
  { name: 'external', yaml: 'networks:\n  outside:\n    external: true', pick: (p) => p.networks, expected: [net('outside', { external: true, name: 'outside' })] },
  { name: 'labels and driver_opts', yaml: 'networks:\n  n:\n    labels:\n      a: b\n    driver_opts:\n      mtu: 1400', pick: (p) => p.networks, expected: [net('n', { labels: [{ key: 'a', value: 'b' }], driverOpts: [{ key: 'mtu', value: '1400' }] })] },
]);

const content = (key: string, source: object, extra: object = {}) => ({ key, source, labels: [], extensions: {}, ...extra });

describeTopTable('top-level secrets and configs', [
  { name: 'secret file', yaml: 'secrets:\n  pw:\n    file: ./pw.txt', pick: (p) => p.secrets, expected: [content('pw', { type: 'file', path: './pw.txt', resolved: `${WORKING_DIR}/pw.txt` })] },
  { name: 'secret environment', yaml: 'secrets:\n  token:\n    environment: API_TOKEN', env: { API_TOKEN: 'abc' }, pick: (p) => p.secrets, expected: [content('token', { type: 'environment', variable: 'API_TOKEN', value: 'abc' })] },
  { name: 'secret environment, variable unset', yaml: 'secrets:\n  token:\n    environment: API_TOKEN', pick: (p) => p.secrets, expected: [content('token', { type: 'environment', variable: 'API_TOKEN' })], diagnostics: ['compose/invalid-value@6:18'] },
  { name: 'secret external', yaml: 'secrets:\n  ext:\n    external: true', pick: (p) => p.secrets, expected: [content('ext', { type: 'external', name: 'ext' }, { name: 'ext' })] },
  { name: 'secret external with name', yaml: 'secrets:\n  ext:\n    external: true\n    name: prod_pw', pick: (p) => p.secrets, expected: [content('ext', { type: 'external', name: 'prod_pw' }, { name: 'prod_pw' })] },
  { name: 'secret with name and labels', yaml: 'secrets:\n  pw:\n    name: app_pw\n    file: /run/pw\n    labels: [team=a]', pick: (p) => p.secrets, expected: [content('pw', { type: 'file', path: '/run/pw', resolved: '/run/pw' }, { name: 'app_pw', labels: [{ key: 'team', value: 'a' }] })] },
  { name: 'config content', yaml: 'configs:\n  conf:\n    content: |\n      debug=true', pick: (p) => p.configs, expected: [content('conf', { type: 'content', content: 'debug=true\n' })] },
  { name: 'config file and template_driver', yaml: 'configs:\n  conf:\n    file: ~/c.ini\n    template_driver: golang', pick: (p) => p.configs, expected: [content('conf', { type: 'file', path: '~/c.ini', resolved: '/home/me/c.ini' }, { other: { template_driver: { value: 'golang' } } })] },
  { name: 'no source', yaml: 'secrets:\n  pw:\n    name: x', pick: (p) => p.secrets, expected: [], diagnostics: ['compose/invalid-value@5:3'] },
  { name: 'two sources', yaml: 'secrets:\n  pw:\n    file: a\n    environment: B', pick: (p) => p.secrets, expected: [], diagnostics: ['compose/invalid-value@7:5'] },
  { name: 'content is not a secret source', yaml: 'secrets:\n  pw:\n    content: x', pick: (p) => p.secrets, expected: [], diagnostics: ['compose/invalid-value@5:3'] },
  { name: 'null entry', yaml: 'configs:\n  c:', pick: (p) => p.configs, expected: [], diagnostics: ['compose/invalid-value@5:3'] },
]);

describeTopTable('top-level other keys', [
  { name: 'x- keys are extensions', yaml: 'x-common: &c\n  restart: always', pick: (p) => p.extensions, expected: { 'x-common': { value: { restart: 'always' } } } },
  { name: 'models are kept as other', yaml: 'models:\n  llm:\n    model: ai/smollm2', pick: (p) => p.other, expected: { models: { value: { llm: { model: 'ai/smollm2' } } } } },
  { name: 'version and name are the loader’s', yaml: 'version: "3.8"\nname: demo', pick: (p) => p.other, expected: {} },
  { name: 'volumes not a mapping', yaml: 'volumes: [a]', pick: (p) => p.volumes, expected: [], diagnostics: ['compose/invalid-type@4:10'] },
]);
