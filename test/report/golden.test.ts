import { describe, test } from 'vitest';
import { formatNames, formatters, type FormatName } from '../../src/report/index.js';
import { expectGolden } from './golden.js';
import { samples } from './samples.js';

const extension: Record<FormatName, string> = {
  stylish: 'txt',
  json: 'json',
  sarif: 'sarif',
  github: 'txt',
  junit: 'xml',
};

describe.each(formatNames)('%s', (format) => {
  test.each(samples.map((s) => [s.name, s] as const))('%s', (name, sample) => {
    expectGolden(formatters[format](sample.input, { color: false }), `${format}/${name}.${extension[format]}`);
  });
});
