/**
 * Sample ReportInputs shared by every formatter test: each formatter is checked against each sample
 * (golden files), and the cross-format properties (determinism, no escape codes, no secret leaks) run
 * over all of them.
 */
import type { Diagnostic } from '../../src/diagnostics.js';
import type { CheckedObject, ReportInput, RuleDescriptor, SourceRegion } from '../../src/report/formatter.js';

export const sampleTool = { name: 'shipshape', version: '0.1.0', informationUri: 'https://github.com/example/shipshape' };

export const sampleRules: readonly RuleDescriptor[] = [
  { id: 'yaml-syntax', description: 'YAML that does not parse', defaultSeverity: 'error' },
  {
    id: 'schema',
    description: 'Objects must validate against the Kubernetes API definitions',
    defaultSeverity: 'error',
    help: 'Fix the field named in the message; unknown fields are errors.',
    helpUri: 'https://github.com/example/shipshape/blob/main/docs/rules/schema.md',
  },
  {
    id: 'service-selector-mismatch',
    description: 'A Service must select at least one Pod template in its namespace',
    defaultSeverity: 'error',
    help: 'A Service routes traffic to Pods whose labels contain **all** of its `selector`.\n\nFix the selector or the labels.',
    helpUri: 'https://github.com/example/shipshape/blob/main/docs/rules/service-selector-mismatch.md',
  },
  { id: 'image-tag', description: 'Images should be pinned to a tag other than latest, or a digest', defaultSeverity: 'warning' },
  { id: 'missing-probes', description: 'Containers should declare readiness and liveness probes', defaultSeverity: 'warning' },
];

export interface SampleSpec {
  diagnostics?: Diagnostic[];
  objects?: CheckedObject[];
  files?: string[];
  sources?: Record<string, string>;
  secretRegions?: Record<string, SourceRegion[]>;
  rules?: readonly RuleDescriptor[];
}

export function reportInput(spec: SampleSpec): ReportInput {
  const sources = spec.sources ?? {};
  const input: ReportInput = {
    diagnostics: spec.diagnostics ?? [],
    rules: spec.rules ?? sampleRules,
    objects: spec.objects ?? [],
    files: spec.files ?? Object.keys(sources),
    source: (file) => (Object.prototype.hasOwnProperty.call(sources, file) ? sources[file] : undefined),
    tool: sampleTool,
  };
  const regions = spec.secretRegions;
  if (regions) input.secretRegions = (file) => regions[file] ?? [];
  return input;
}

const serviceYaml = [
  'apiVersion: v1', // 1
  'kind: Service', // 2
  'metadata:', // 3
  '  name: web', // 4
  'spec:', // 5
  '  selector:', // 6
  '    app: web-fronted', // 7
  '  ports:', // 8
  '  - port: 80', // 9
  '    targetPort: http', // 10
  '',
].join('\n');

const deploymentYaml = [
  'apiVersion: apps/v1', // 1
  'kind: Deployment', // 2
  'metadata:', // 3
  '  name: web-frontend', // 4
  'spec:', // 5
  '  selector:', // 6
  '    matchLabels: {app: web-frontend}', // 7
  '  template:', // 8
  '    metadata:', // 9
  '      labels: {app: web-frontend}', // 10
  '    spec:', // 11
  '      containers:', // 12
  '      - name: web', // 13
  '        image: nginx:latest', // 14
  '        portz: []', // 15
  '',
].join('\n');

const service = { apiVersion: 'v1', kind: 'Service', name: 'web', namespace: 'default' };
const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web-frontend', namespace: 'default' };

const selectorMismatch: Diagnostic = {
  code: 'service-selector-mismatch',
  severity: 'error',
  message: "Service 'web' selects no Pod: did you mean app: web-frontend (labels of Deployment 'web-frontend')?",
  messageId: 'nearMiss',
  file: 'k8s/service.yaml',
  line: 7,
  column: 10,
  endLine: 7,
  endColumn: 21,
  object: service,
  path: ['spec', 'selector', 'app'],
  hint: 'Change the selector or the Deployment labels so that they match.',
  related: [{ message: "labels of Deployment 'web-frontend'", file: 'k8s/deploy/web.yaml', line: 10, column: 15, endLine: 10, endColumn: 35 }],
};

const latestTag: Diagnostic = {
  code: 'image-tag',
  severity: 'warning',
  message: "Image 'nginx:latest' uses the latest tag.",
  file: 'k8s/deploy/web.yaml',
  line: 14,
  column: 16,
  endLine: 14,
  endColumn: 28,
  object: deployment,
  path: ['spec', 'template', 'spec', 'containers', 0, 'image'],
  hint: 'Pin the image to a version tag or a digest.',
};

const unknownField: Diagnostic = {
  code: 'schema',
  severity: 'error',
  message: "Unknown field 'portz' in Container (did you mean 'ports'?).",
  file: 'k8s/deploy/web.yaml',
  line: 15,
  column: 9,
  endLine: 15,
  endColumn: 14,
  object: deployment,
  path: ['spec', 'template', 'spec', 'containers', 0, 'portz'],
};

const missingProbes: Diagnostic = {
  code: 'missing-probes',
  severity: 'info',
  message: "Container 'web' declares no readiness probe.",
  file: 'k8s/deploy/web.yaml',
  line: 13,
  column: 9,
  object: deployment,
  path: ['spec', 'template', 'spec', 'containers', 0],
};

const syntaxError: Diagnostic = {
  code: 'yaml-syntax',
  severity: 'error',
  message: 'Nested mappings are not allowed in compact mappings',
  file: 'k8s/broken.yaml',
  line: 2,
  column: 7,
  endLine: 2,
  endColumn: 8,
};

/** A code no rule descriptor describes (SARIF must still list it). */
const composeWarning: Diagnostic = {
  code: 'compose/unknown-key',
  severity: 'warning',
  message: "Unknown key 'healthchek' in service 'api'.",
  file: 'compose.yaml',
  line: 4,
  column: 5,
  object: { kind: 'ComposeService', name: 'api' },
  path: ['services', 'api', 'healthchek'],
};

const serviceObject: CheckedObject = { file: 'k8s/service.yaml', line: 1, column: 1, object: service };
const deploymentObject: CheckedObject = { file: 'k8s/deploy/web.yaml', line: 1, column: 1, object: deployment };
const namespaceObject: CheckedObject = { file: 'k8s/namespace.yaml', line: 1, column: 1, object: { apiVersion: 'v1', kind: 'Namespace', name: 'prod' } };

/** Control characters, escapes and separators every format has to carry safely. */
export const hostileMessage =
  'Value 100% "bad" <tag> & \'q\' ]]> a:b,c\r\n::error::injected\nESC[\u001b[31mred\u001b[0m] NUL[\u0000] bidi[\u202Eevil] lone[\uD800] tab[\t]';

const hostileFile = 'k8s/odd dir/ä:b,c%#.yaml';

/** A Secret manifest whose value must never be printed, even in a code frame next to an error. */
export const plantedSecret = 'PLANTED-s3cr3t-value';
const secretYaml = [
  'apiVersion: v1', // 1
  'kind: Secret', // 2
  'metadata:', // 3
  '  name: db', // 4
  '  labelz: {}', // 5
  'stringData:', // 6
  `  password: ${plantedSecret}`, // 7
  `  token: "${plantedSecret}-2"`, // 8
  '',
].join('\n');

const longLine = `command: [${Array.from({ length: 30 }, (_, i) => `"arg-${i}"`).join(', ')}, "10.0.0.12", "x"]`;
const edgeYaml = [
  'kind: ConfigMap', // 1
  'data:', // 2
  '\tbad: tab', // 3
  '  wide: "日本語 value"', // 4
  `  ${longLine}`, // 5
  '  multi: |', // 6
  '    first', // 7
  '    second', // 8
  '', // 9
].join('\r\n');

export interface Sample {
  name: string;
  input: ReportInput;
}

export const samples: readonly Sample[] = [
  { name: 'empty', input: reportInput({ files: [] }) },
  {
    name: 'clean',
    input: reportInput({
      sources: { 'k8s/service.yaml': serviceYaml, 'k8s/deploy/web.yaml': deploymentYaml },
      objects: [deploymentObject, serviceObject],
    }),
  },
  {
    name: 'single-error',
    input: reportInput({
      sources: { 'k8s/service.yaml': serviceYaml },
      objects: [serviceObject],
      diagnostics: [{ ...selectorMismatch, related: [] }],
    }),
  },
  {
    name: 'multi-file',
    input: reportInput({
      // Deliberately unsorted: every format must sort.
      diagnostics: [latestTag, composeWarning, selectorMismatch, missingProbes, syntaxError, unknownField],
      objects: [deploymentObject, serviceObject, namespaceObject, { file: 'compose.yaml', line: 2, column: 3, object: { kind: 'ComposeService', name: 'api' } }],
      files: ['k8s/service.yaml', 'k8s/deploy/web.yaml', 'k8s/namespace.yaml', 'k8s/broken.yaml', 'compose.yaml'],
      // compose.yaml and k8s/broken.yaml have no source: no code frame.
      sources: { 'k8s/service.yaml': serviceYaml, 'k8s/deploy/web.yaml': deploymentYaml, 'k8s/namespace.yaml': 'kind: Namespace\n' },
    }),
  },
  {
    name: 'info-only',
    input: reportInput({ sources: { 'k8s/deploy/web.yaml': deploymentYaml }, objects: [deploymentObject], diagnostics: [missingProbes] }),
  },
  {
    name: 'hostile-text',
    input: reportInput({
      files: [hostileFile],
      sources: { [hostileFile]: 'a: "\u001b[2J\u202E"\nb: 1\n' },
      objects: [{ file: hostileFile, line: 1, column: 1, object: { kind: 'ConfigMap', name: 'a<b>&"c"', namespace: 'n,s:1' } }],
      diagnostics: [
        {
          code: 'schema',
          severity: 'error',
          message: hostileMessage,
          file: hostileFile,
          line: 1,
          column: 4,
          endLine: 1,
          endColumn: 12,
          object: { kind: 'ConfigMap', name: 'a<b>&"c"', namespace: 'n,s:1' },
          path: ['data', 'key with space', 0],
          hint: 'hint 50% \r\nsecond line',
          related: [{ message: 'related <x> & 100%', file: hostileFile, line: 2, column: 1 }],
        },
        { code: 'image-tag', severity: 'warning', message: 'warn, with: separators\n', file: hostileFile, line: 2, column: 1 },
      ],
    }),
  },
  {
    name: 'source-edge-cases',
    input: reportInput({
      sources: { 'k8s/edge.yaml': edgeYaml },
      objects: [{ file: 'k8s/edge.yaml', line: 1, column: 1, object: { apiVersion: 'v1', kind: 'ConfigMap', name: 'edge' } }],
      diagnostics: [
        { code: 'yaml-syntax', severity: 'error', message: 'Tabs are not allowed as indentation', file: 'k8s/edge.yaml', line: 3, column: 1, endLine: 3, endColumn: 2 },
        { code: 'schema', severity: 'error', message: 'wide characters', file: 'k8s/edge.yaml', line: 4, column: 13, endLine: 4, endColumn: 18 },
        {
          code: 'schema',
          severity: 'error',
          message: 'far along a long line',
          file: 'k8s/edge.yaml',
          line: 5,
          column: 2 + longLine.indexOf('"10.0.0.12"') + 1,
          endLine: 5,
          endColumn: 2 + longLine.indexOf('"10.0.0.12"') + 1 + '"10.0.0.12"'.length,
        },
        { code: 'schema', severity: 'error', message: 'a span over lines', file: 'k8s/edge.yaml', line: 6, column: 10, endLine: 8, endColumn: 11 },
        { code: 'schema', severity: 'error', message: 'past the end of the file', file: 'k8s/edge.yaml', line: 40, column: 1 },
      ],
    }),
  },
  {
    name: 'secrets',
    input: reportInput({
      sources: { 'k8s/secret.yaml': secretYaml },
      secretRegions: {
        'k8s/secret.yaml': [
          { line: 7, column: 13, endLine: 7, endColumn: 13 + plantedSecret.length },
          { line: 8, column: 10, endLine: 8, endColumn: 10 + plantedSecret.length + 4 },
        ],
      },
      objects: [{ file: 'k8s/secret.yaml', line: 1, column: 1, object: { apiVersion: 'v1', kind: 'Secret', name: 'db', namespace: 'default' } }],
      diagnostics: [
        {
          code: 'schema',
          severity: 'error',
          message: "Unknown field 'labelz' in ObjectMeta.",
          file: 'k8s/secret.yaml',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 9,
          object: { apiVersion: 'v1', kind: 'Secret', name: 'db', namespace: 'default' },
          path: ['metadata', 'labelz'],
        },
        {
          code: 'schema',
          severity: 'error',
          message: 'Secret value is not valid here.',
          file: 'k8s/secret.yaml',
          line: 8,
          column: 10,
          endLine: 8,
          endColumn: 10 + plantedSecret.length + 4,
          object: { apiVersion: 'v1', kind: 'Secret', name: 'db', namespace: 'default' },
          path: ['stringData', 'token'],
        },
      ],
    }),
  },
];

export function sample(name: string): ReportInput {
  const found = samples.find((s) => s.name === name);
  if (!found) throw new Error(`no sample named ${name}`);
  return found.input;
}
