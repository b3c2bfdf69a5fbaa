import { expect, test } from 'vitest';
import { wellKnownPort } from '../../src/translate/image-ports.js';

test.each([
  ['mysql:8.0.19', 3306],
  ['postgres', 5432],
  ['docker.io/library/redis:7@sha256:abc', 6379],
  ['mcr.microsoft.com/mssql/server:2019-latest', 1433],
  ['localhost:5000/postgres', undefined],
  ['example/postgres:1', undefined],
  ['nginx', undefined],
  [undefined, undefined],
])('%s → %s', (image, port) => expect(wellKnownPort(image)).toBe(port));
