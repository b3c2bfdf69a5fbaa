import { describe, expect, test } from 'vitest';
import { accessModesProblem, ingressPathProblem, scheduleProblem, storageSizeProblem } from '../../src/translate/settings-values.js';

describe('cron schedules as the API server parses them (robfig/cron ParseStandard)', () => {
  test.each([
    ['every minute', '* * * * *'],
    ['macros', '@hourly'],
    ['@midnight', '@midnight'],
    ['field minimums', '0 0 1 1 0'],
    ['field maximums', '59 23 31 12 6'],
    ['steps of a star', '*/5 */2 */10 */3 */2'],
    ['a step larger than the range', '*/100 * * * *'],
    ['a step of a range', '10-50/5 1-23/2 * * *'],
    ['N/step means N to the maximum', '5/15 * * * *'],
    ['lists', '0,15,30,45 8,20 1,15 * *'],
    ['ranges, a one-value range', '0-59 9-9 1-31 1-12 0-6'],
    ['month and weekday names, any case', '0 0 * jan-DEC Mon-fri'],
    ['a named start with a step', '0 0 * FEB/3 SUN/2'],
    ['? in day of month and day of week', '0 0 ? * ?'],
    ['? in any field (robfig accepts it)', '? ? * * *'],
    ['a leading + and zeros are numbers', '+5 007 * * *'],
    ['empty list items are skipped', '1,,2 * * * *'],
    ['a star range ignores what follows the hyphen', '*-5 * * * *'],
    ['fields separated by tabs and runs of spaces', '0\t0  * * *'],
  ])('%s: %s is accepted', (_name, schedule) => {
    expect(scheduleProblem(schedule)).toBeUndefined();
  });

  test.each([
    ['minute above 59', '61 * * * *', /minute.*61.*above 59/],
    ['hour above 23', '0 24 * * *', /hour.*24.*above 23/],
    ['day of month 0', '0 0 0 * *', /day of month.*0.*below 1/],
    ['day of month 32', '0 0 32 * *', /day of month.*32.*above 31/],
    ['month 0', '0 0 * 0 *', /month.*below 1/],
    ['month 13', '0 0 * 13 *', /month.*13.*above 12/],
    ['day of week 7 (Sunday is 0)', '0 0 * * 7', /day of week.*7.*above 6/],
    ['a step of 0', '*/0 * * * *', /step.*0/],
    ['a step of 0 after a range', '1-5/0 * * * *', /step/],
    ['a reversed range', '5-1 * * * *', /5-1.*5.*after.*1/],
    ['a reversed range of names', '0 0 * * FRI-MON', /FRI-MON/],
    ['N/step with N above the maximum', '61/5 * * * *', /61/],
    ['a range end above the maximum', '0 0 * * 1-7', /7.*above 6/],
    ['a step that is not a number', '*/x * * * *', /'x' is not a number/],
    ['a named step', '0 0 * */FEB *', /'FEB' is not a number/],
    ['a name in a field without names', 'MON * * * *', /'MON' is not a number/],
    ['a long name', '0 0 * * MONDAY', /'MONDAY'/],
    ['an empty range end', '5- * * * *', /'' is not a number/],
    ['an empty step', '*/ * * * *', /'' is not a number/],
    ['two slashes', '*/2/3 * * * *', /more than one '\/'/],
    ['two hyphens', '1-2-3 * * * *', /more than one '-'/],
    ['Quartz L', '0 0 L * *', /'L' is not a number/],
    ['Quartz #', '0 0 * * 1#2', /'1#2' is not a number/],
    ['a negative number', '0 0 * * -1', /'' is not a number/],
    ['a number beyond int64', '*/99999999999999999999 * * * *', /not a number/],
    ['four fields', '5 * * *', /five fields/],
    ['six fields (seconds)', '0 0 0 * * *', /five fields/],
    ['an unknown macro', '@every-day', /five fields|macro/],
    ['a macro in capitals', '@Daily', /five fields|macro/],
    ['a time zone', 'TZ=UTC 0 3 * * *', /timeZone/],
    ['a cron time zone', 'CRON_TZ=Europe/Paris 0 3 * * *', /timeZone/],
  ])('%s: %s is refused', (_name, schedule, message) => {
    expect(scheduleProblem(schedule)).toMatch(message);
  });
});

describe('Ingress paths as the API server validates them (validateIngressHTTPPath)', () => {
  test.each([
    ['/', 'Prefix'],
    ['/api/v1', 'Prefix'],
    ['/api/', 'Exact'],
    ['/a.b/..c/.d', 'Prefix'],
    ['/%2e/x', 'Prefix'],
    ['/a//b', 'ImplementationSpecific'],
    ['/x/..', 'ImplementationSpecific'],
  ] as const)('%s (%s) is accepted', (path, pathType) => {
    expect(ingressPathProblem(path, pathType)).toBeUndefined();
  });

  test.each([
    ['//', 'Prefix', /must not contain '\/\/'/],
    ['/a//b', 'Exact', /'\/\/'/],
    ['/a/./b', 'Prefix', /'\/\.\/'/],
    ['/a/../b', 'Prefix', /'\/\.\.\/'/],
    ['/a%2fb', 'Prefix', /'%2f'/],
    ['/a%2Fb', 'Exact', /'%2F'/],
    ['/a/.', 'Prefix', /end with '\/\.'/],
    ['/a/..', 'Exact', /end with '\/\.\.'/],
    ['/.', 'Prefix', /end with '\/\.'/],
  ] as const)('%s (%s) is refused', (path, pathType, message) => {
    expect(ingressPathProblem(path, pathType)).toMatch(message);
  });
});

describe('claim access modes', () => {
  test.each([
    [['ReadWriteOnce'], undefined],
    [['ReadWriteOncePod'], undefined],
    [['ReadWriteOnce', 'ReadOnlyMany'], undefined],
    [['ReadWriteOncePod', 'ReadWriteOnce'], /may not use ReadWriteOncePod with other access modes/],
    [['ReadOnlyMany', 'ReadWriteOncePod'], /may not use ReadWriteOncePod with other access modes/],
  ] as const)('%j', (modes, message) => {
    const problem = accessModesProblem(modes);
    if (message === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(message);
  });
});

describe('storage sizes', () => {
  test.each([['1Gi'], ['500M'], ['.5Gi'], ['0.001'], ['1'], ['0.1Ki']])('%s is accepted', (size) => {
    expect(storageSizeProblem(size)).toBeUndefined();
  });
  test.each([
    ['0', /positive/],
    ['0Gi', /positive/],
    ['0.0Mi', /positive/],
    ['.0', /positive/],
    ['000Ti', /positive/],
    ['10GB', /quantity/],
    ['-1Gi', /quantity/],
    ['', /quantity/],
  ])('%s is refused', (size, message) => {
    expect(storageSizeProblem(size)).toMatch(message);
  });
});
