import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule, { type ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { sarif } from '../../src/report/formatters/sarif.js';
import { sharedSchemasDir } from '../helpers/corpus.js';
import { reportInput, sample, samples } from './samples.js';

const schemaPath = join(sharedSchemasDir, 'sarif-schema-2.1.0.json');
const hasSchema = existsSync(schemaPath);

/**
 * The official schema is draft-04 (`id`, `$schema` draft-04) but uses nothing draft-07 reads
 * differently, so it compiles with ajv's default draft-07 once the draft-04 markers are removed.
 * Formats are checked (a path with a space is not a `uri-reference`).
 */
// ajv is CommonJS: under NodeNext its class is the default export's `default`.
const Ajv = AjvModule.default;

function compileSarifSchema(): ValidateFunction {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  delete schema.id;
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri', /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$/);
  ajv.addFormat('uri-reference', /^[^\s<>"{}|\\^`]*$/);
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema);
}

type Log = {
  runs: {
    tool: { driver: { rules: { id: string }[] } };
    artifacts: { location: { uri: string } }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; index: number }; region: Record<string, number> } }[];
      relatedLocations?: { id: number; message: { text: string } }[];
    }[];
  }[];
};
const parse = (text: string) => JSON.parse(text) as Log;

(hasSchema ? describe : describe.skip)(
  hasSchema ? 'sarif: validates against the official SARIF 2.1.0 schema' : `sarif schema validation (skipped: ${schemaPath} is absent)`,
  () => {
    let validate: ValidateFunction;
    beforeAll(() => {
      validate = compileSarifSchema();
    });

    test.each(samples.map((s) => [s.name, s.input] as const))('%s', (_name, input) => {
      const log = JSON.parse(sarif(input, { color: false }));
      expect(validate(log) ? [] : validate.errors).toEqual([]);
    });

    test('the schema check can fail: a result without a message is rejected', () => {
      const log = parse(sarif(sample('single-error'), { color: false })) as unknown as { runs: { results: Record<string, unknown>[] }[] };
      delete log.runs[0]!.results[0]!.message;
      expect(validate(log)).toBe(false);
      const spaced = parse(sarif(sample('single-error'), { color: false }));
      spaced.runs[0]!.artifacts[0]!.location.uri = 'a b.yaml';
      expect(validate(spaced)).toBe(false);
    });

    test('degenerate positions still give valid regions', () => {
      const bad: Diagnostic[] = [
        { code: 'x', severity: 'error', message: 'm', file: 'a.yaml', line: 0, column: 0 },
        { code: 'x', severity: 'error', message: 'm', file: 'a.yaml', line: 5, column: 9, endLine: 4, endColumn: 1 },
        { code: 'x', severity: 'error', message: 'm', file: 'a.yaml', line: 5, column: 9, endLine: 5, endColumn: 3 },
        { code: 'x', severity: 'error', message: 'm', file: 'a.yaml', line: 5, column: 9, endColumn: 12 },
        { code: 'x', severity: 'error', message: 'm', file: 'a.yaml', line: 5, column: 9, endLine: 7 },
      ];
      const log = JSON.parse(sarif(reportInput({ diagnostics: bad }), { color: false }));
      expect(validate(log) ? [] : validate.errors).toEqual([]);
      expect(parse(sarif(reportInput({ diagnostics: bad }), { color: false })).runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.region)).toEqual([
        { startLine: 1, startColumn: 1 },
        { startLine: 5, startColumn: 9 },
        { startLine: 5, startColumn: 9 },
        { startLine: 5, startColumn: 9, endLine: 5, endColumn: 12 },
        { startLine: 5, startColumn: 9, endLine: 7 },
      ]);
    });
  },
);

describe('sarif: content', () => {
  const log = parse(sarif(sample('multi-file'), { color: false }));
  const run = log.runs[0]!;

  test('one run; every result points at its rule by id and index, and at its artifact by index', () => {
    expect(log.runs).toHaveLength(1);
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
      const location = r.locations[0]!.physicalLocation.artifactLocation;
      expect(run.artifacts[location.index]!.location.uri).toBe(location.uri);
    }
  });

  test('rules: the input rules in order, then codes without a descriptor', () => {
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual([
      'yaml-syntax',
      'schema',
      'service-selector-mismatch',
      'image-tag',
      'missing-probes',
      'compose/unknown-key',
    ]);
  });

  test('levels: error, warning, and note for info', () => {
    expect(Object.fromEntries(run.results.map((r) => [r.ruleId, r.level]))).toMatchObject({
      'yaml-syntax': 'error',
      'image-tag': 'warning',
      'missing-probes': 'note',
    });
  });

  test('related locations carry their message and an id', () => {
    const mismatch = run.results.find((r) => r.ruleId === 'service-selector-mismatch')!;
    expect(mismatch.relatedLocations).toMatchObject([{ id: 1, message: { text: "labels of Deployment 'web-frontend'" } }]);
  });

  test('artifacts: every file read, sorted, relative URIs', () => {
    expect(run.artifacts.map((a) => a.location.uri)).toEqual([
      'compose.yaml',
      'k8s/broken.yaml',
      'k8s/deploy/web.yaml',
      'k8s/namespace.yaml',
      'k8s/service.yaml',
    ]);
  });

  test('hostile file names are percent-encoded', () => {
    const hostile = parse(sarif(sample('hostile-text'), { color: false }));
    expect(hostile.runs[0]!.artifacts[0]!.location.uri).toBe('k8s/odd%20dir/%C3%A4%3Ab%2Cc%25%23.yaml');
  });
});
