import { expect, test } from 'vitest';
import { artifactUri } from '../../src/report/artifact-uri.js';

const table: [string, string, { uri: string; uriBaseId?: string }][] = [
  ['relative', 'k8s/app.yaml', { uri: 'k8s/app.yaml', uriBaseId: '%SRCROOT%' }],
  ['leading ./', './k8s/app.yaml', { uri: 'k8s/app.yaml', uriBaseId: '%SRCROOT%' }],
  ['parent directory', '../shared/a.yaml', { uri: '../shared/a.yaml', uriBaseId: '%SRCROOT%' }],
  ['spaces, non-ASCII, reserved characters', 'my dir/ä#1?.yaml', { uri: 'my%20dir/%C3%A4%231%3F.yaml', uriBaseId: '%SRCROOT%' }],
  ['a colon in the first segment is not a scheme', 'a:b.yaml', { uri: 'a%3Ab.yaml', uriBaseId: '%SRCROOT%' }],
  ['percent', '100%.yaml', { uri: '100%25.yaml', uriBaseId: '%SRCROOT%' }],
  ['backslashes', 'k8s\\app.yaml', { uri: 'k8s/app.yaml', uriBaseId: '%SRCROOT%' }],
  ['stdin placeholder', '<stdin>', { uri: '%3Cstdin%3E', uriBaseId: '%SRCROOT%' }],
  ['absolute POSIX', '/srv/k8s/a b.yaml', { uri: 'file:///srv/k8s/a%20b.yaml' }],
  ['absolute Windows', 'C:\\work\\a.yaml', { uri: 'file:///C:/work/a.yaml' }],
  ['UNC', '\\\\server\\share\\a.yaml', { uri: 'file://server/share/a.yaml' }],
];

test.each(table)('%s', (_name, file, expected) => {
  expect(artifactUri(file)).toEqual(expected);
});
