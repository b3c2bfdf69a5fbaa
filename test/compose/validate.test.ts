import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { validateProject } from '../../src/compose/validate.js';
import { parseLocatedStream, type LocatedMap } from '../../src/source/index.js';

function validate(text: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  validateProject(parseLocatedStream({ path: 'c.yaml', text }).documents[0] as LocatedMap, (d) => diagnostics.push(d));
  return diagnostics;
}

interface Row {
  name: string;
  yaml: string;
  /** [code, line, column, message] of each diagnostic. */
  errors: [string, number, number, string][];
}

const rows: Row[] = [
  { name: 'a valid project', yaml: 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n', errors: [] },
  {
    name: 'an integer field holding a number too large to be exact, in exponent form',
    yaml: 'services:\n  web:\n    image: nginx\n    deploy: {replicas: 1e99}\n',
    errors: [['compose/invalid-type', 4, 24, 'services.web.deploy.replicas must be an integer or a string, not 1e+99: a number beyond ±9007199254740991 is no exact integer']],
  },
  {
    name: 'integer fields holding numbers too large to be exact, written out',
    yaml: 'services:\n  web:\n    image: nginx\n    ulimits: {nproc: {soft: 1, hard: -99999999999999999999}}\n    ports: [{target: 80, published: 1e20}]\n',
    errors: [
      ['compose/invalid-type', 5, 37, 'services.web.ports[0].published must be a string or an integer, not 100000000000000000000: a number beyond ±9007199254740991 is no exact integer'],
      ['compose/invalid-type', 4, 38, 'services.web.ulimits.nproc.hard must be an integer or a string, not -100000000000000000000: a number beyond ±9007199254740991 is no exact integer'],
    ],
  },
  {
    name: 'the largest exact integer, and large numbers where any number is allowed',
    yaml: 'services:\n  web:\n    image: nginx\n    scale: 9007199254740991\n    cpus: 1e99\n    labels: {a: 1e30}\n    x-big: 1e99\n',
    errors: [],
  },
  {
    name: 'unknown service key, close to a known one',
    yaml: 'services:\n  web:\n    image: nginx\n    helthcheck: {}\n',
    errors: [['compose/unknown-key', 4, 5, "unknown key 'helthcheck' in services.web; did you mean 'healthcheck'?"]],
  },
  {
    name: 'unknown key far from any known one',
    yaml: 'services:\n  web:\n    image: nginx\n    zzzzzzzz: 1\n',
    errors: [['compose/unknown-key', 4, 5, "unknown key 'zzzzzzzz' in services.web"]],
  },
  {
    name: 'unknown top-level key',
    yaml: 'service:\n  web: {image: nginx}\n',
    errors: [['compose/unknown-key', 1, 1, "unknown key 'service' in the top level; did you mean 'services'?"]],
  },
  { name: 'x- keys are allowed', yaml: 'x-a: 1\nservices:\n  web: {image: nginx, x-b: 2}\n', errors: [] },
  {
    name: 'a list_or_dict of the wrong shape names the inner value',
    yaml: 'services:\n  web:\n    image: nginx\n    labels: {a: {b: c}}\n',
    errors: [['compose/invalid-type', 4, 17, 'services.web.labels.a must be a string, a number, a boolean or null, not a mapping']],
  },
  {
    name: 'a oneOf with no matching type lists the allowed types',
    yaml: 'services:\n  web:\n    image: nginx\n    command: {a: 1}\n',
    errors: [['compose/invalid-type', 4, 14, 'services.web.command must be null, a string or a list, not a mapping']],
  },
  {
    name: 'a long-syntax volume with a typo in a key',
    yaml: 'services:\n  web:\n    image: nginx\n    volumes:\n      - {type: bind, sorce: ./a, target: /a}\n',
    errors: [['compose/unknown-key', 5, 22, "unknown key 'sorce' in services.web.volumes[0]; did you mean 'source'?"]],
  },
  {
    name: 'a missing required key is reported at the mapping key',
    yaml: 'services:\n  web:\n    image: nginx\n    depends_on:\n      db: {restart: true}\n  db: {image: postgres}\n',
    errors: [['compose/missing-key', 5, 7, "services.web.depends_on.db is missing the required key 'condition'"]],
  },
  {
    name: 'an enum value with a close match',
    yaml: 'services:\n  web:\n    image: nginx\n    depends_on:\n      db: {condition: service_healty}\n  db: {image: postgres}\n',
    errors: [
      [
        'compose/invalid-value',
        5,
        23,
        "services.web.depends_on.db.condition must be one of 'service_started', 'service_healthy', 'service_completed_successfully', not \"service_healty\"; did you mean 'service_healthy'?",
      ],
    ],
  },
  {
    name: 'duplicate items of a unique list point at the later one',
    yaml: 'services:\n  web:\n    image: nginx\n    ports: ["80:80", "80:80"]\n',
    errors: [['compose/invalid-value', 4, 22, 'services.web.ports lists the same value twice (items 0 and 1)']],
  },
  {
    name: 'an invalid service name',
    yaml: 'services:\n  "my web":\n    image: nginx\n',
    errors: [['compose/invalid-name', 2, 3, "'my web' is not a valid name in services: names use only letters, digits, '.', '_' and '-'"]],
  },
  {
    name: 'a key named __proto__ is an ordinary unknown key',
    yaml: 'services:\n  web:\n    image: nginx\n    __proto__: {x: 1}\n',
    errors: [['compose/unknown-key', 4, 5, "unknown key '__proto__' in services.web"]],
  },
];

describe('validateProject: schema errors in plain words, at the offending key or value', () => {
  test('table has no duplicate names', () => {
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
  });

  test.each(rows)('$name', ({ yaml, errors }) => {
    expect(validate(yaml).map((d) => [d.code, d.line, d.column, d.message])).toEqual(errors);
  });

  test('diagnostics about a service name it and carry the field path', () => {
    const [d] = validate('services:\n  web:\n    image: nginx\n    imgae: x\n');
    expect(d).toMatchObject({ object: { kind: 'ComposeService', name: 'web' }, path: ['services', 'web', 'imgae'], severity: 'error' });
  });
});
