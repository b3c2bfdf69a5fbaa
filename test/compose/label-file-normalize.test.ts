/** Normalizing `label_file`: each syntax form, and the entries' positions (the loader reports missing files there). */
import { expect, test } from 'vitest';
import { HOME, WORKING_DIR, describeTable, normalizeService, rowPosition } from './normalize/harness.js';

describeTable('label_file', (s) => s.labelFiles, [
  { name: 'a string', yaml: 'label_file: app.labels', expected: [{ path: 'app.labels', resolved: `${WORKING_DIR}/app.labels` }] },
  {
    name: 'a list, in order',
    yaml: 'label_file: [./b.labels, /abs/a.labels, sub/../c.labels]',
    expected: [
      { path: './b.labels', resolved: `${WORKING_DIR}/b.labels` },
      { path: '/abs/a.labels', resolved: '/abs/a.labels' },
      { path: 'sub/../c.labels', resolved: `${WORKING_DIR}/c.labels` },
    ],
  },
  { name: '~ path', yaml: 'label_file: ~/team.labels', expected: [{ path: '~/team.labels', resolved: `${HOME}/team.labels` }] },
  { name: 'an empty string', yaml: "label_file: ''", expected: [], diagnostics: ['compose/invalid-value@1:13'] },
  { name: 'an empty entry in a list', yaml: "label_file: [a, '']", expected: [{ path: 'a', resolved: `${WORKING_DIR}/a` }], diagnostics: ['compose/invalid-value@1:17'] },
  { name: 'a mapping', yaml: 'label_file: {path: x}', expected: [], diagnostics: ['compose/invalid-type@1:13'] },
  { name: 'a mapping in a list', yaml: 'label_file: [{path: x}]', expected: [], diagnostics: ['compose/invalid-type@1:14'] },
]);

test('each entry keeps its span; label_file is not left in other', () => {
  const { service } = normalizeService('label_file:\n  - a.labels\n  - b.labels');
  expect(service.labelFiles?.map((f) => rowPosition(f.span))).toEqual(['2:5', '3:5']);
  expect(service.other.label_file).toBeUndefined();
});
