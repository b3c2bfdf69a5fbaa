import { describeTable } from './harness.js';

describeTable('healthcheck', (s) => s.healthcheck, [
  { name: 'CMD', yaml: 'healthcheck:\n  test: [CMD, curl, -f, http://localhost]', expected: { test: { kind: 'exec', argv: ['curl', '-f', 'http://localhost'] }, disable: false } },
  { name: 'CMD-SHELL', yaml: 'healthcheck:\n  test: [CMD-SHELL, "curl -f http://localhost || exit 1"]', expected: { test: { kind: 'shell', command: 'curl -f http://localhost || exit 1' }, disable: false } },
  { name: 'string form', yaml: 'healthcheck:\n  test: curl -f http://localhost', expected: { test: { kind: 'shell', command: 'curl -f http://localhost' }, disable: false } },
  { name: '[NONE]', yaml: 'healthcheck:\n  test: [NONE]', expected: { test: { kind: 'none' }, disable: true } },
  { name: 'disable: true', yaml: 'healthcheck:\n  disable: true', expected: { disable: true } },
  { name: 'empty test list inherits the image test', yaml: 'healthcheck:\n  test: []\n  interval: 5s', expected: { interval: 5000, disable: false } },
  {
    name: 'durations and retries',
    yaml: 'healthcheck:\n  test: [CMD, true]\n  interval: 1m30s\n  timeout: 500ms\n  retries: 3\n  start_period: 40s\n  start_interval: 2s',
    expected: { test: { kind: 'exec', argv: ['true'] }, interval: 90_000, timeout: 500, retries: 3, startPeriod: 40_000, startInterval: 2000, disable: false },
  },
  { name: 'retries as a string', yaml: 'healthcheck:\n  retries: "5"', expected: { retries: 5, disable: false } },
  { name: "string 'NONE' runs a command (warned)", yaml: 'healthcheck:\n  test: NONE', expected: { test: { kind: 'shell', command: 'NONE' }, disable: false }, diagnostics: ['compose/invalid-value@2:9'] },
  { name: 'unknown test kind', yaml: 'healthcheck:\n  test: [curl, -f, x]', expected: { disable: false }, diagnostics: ['compose/invalid-value@2:10'] },
  { name: 'CMD without a command', yaml: 'healthcheck:\n  test: [CMD]', expected: { disable: false }, diagnostics: ['compose/invalid-value@2:9'] },
  { name: 'CMD-SHELL with extra words', yaml: 'healthcheck:\n  test: [CMD-SHELL, a, b]', expected: { test: { kind: 'shell', command: 'a' }, disable: false }, diagnostics: ['compose/ignored-value@2:9'] },
  { name: 'bad interval', yaml: 'healthcheck:\n  interval: 10', expected: { disable: false }, diagnostics: ['compose/invalid-value@2:13'] },
  { name: 'negative retries', yaml: 'healthcheck:\n  retries: -1', expected: { disable: false }, diagnostics: ['compose/invalid-value@2:12'] },
  { name: 'not a mapping', yaml: 'healthcheck: [CMD, x]', diagnostics: ['compose/invalid-type@1:14'] },
]);
