import { describe, expect, test } from 'vitest';
import { parseByteSize } from '../../../src/compose/normalize/bytes.js';
import { formatDuration, parseDuration } from '../../../src/compose/normalize/durations.js';
import { describeTable } from './harness.js';

describe('durations: parseDuration', () => {
  test.each([
    ['1m30s', 90_000],
    ['500ms', 500],
    ['1h', 3_600_000],
    ['1.5s', 1500],
    ['2us', 0.002],
    ['2µs', 0.002],
    ['100ns', 0.0001],
    ['1h30m45s', 5_445_000],
    ['1d', 86_400_000],
    ['1w', 604_800_000],
    ['.5s', 500],
    ['0', 0],
    ['-1s', -1000],
  ])('%s', (text, ms) => {
    expect(parseDuration(text)).toEqual({ ok: true, ms });
  });

  test.each([
    ['10', 'has no unit'],
    ['1.5', 'has no unit'],
    ['', 'is empty'],
    ['10x', "'x' is not a duration unit"],
    ['s', 'is not a duration'],
    ['1m 30s', "'m ' is not a duration unit"],
  ])('%j is refused', (text, reason) => {
    const parsed = parseDuration(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });

  test.each([
    [90_000, '1m30s'],
    [500, '500ms'],
    [3_600_000, '1h0m0s'],
    [1500, '1.5s'],
    [0.002, '2µs'],
    [0, '0s'],
    [10_000, '10s'],
    [0.0001, '100ns'],
  ])('formatDuration(%d) = %s (as Go prints it)', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('byte sizes: parseByteSize', () => {
  test.each([
    ['512M', 512 * 1024 ** 2],
    ['1gb', 1024 ** 3],
    ['2k', 2048],
    ['100', 100],
    ['1.5G', 1.5 * 1024 ** 3],
    ['1 KiB', 1024],
    ['64mb', 64 * 1024 ** 2],
    ['10b', 10],
    ['1T', 1024 ** 4],
  ])('%s', (text, bytes) => {
    expect(parseByteSize(text)).toBe(bytes);
  });

  test.each(['', 'lots', '1x', '-1m', '1mm', '1.2.3g'])('%j is refused', (text) => {
    expect(parseByteSize(text)).toBeUndefined();
  });
});

describeTable('stop_grace_period', (s) => s.stopGracePeriod, [
  { name: "'1m30s'", yaml: 'stop_grace_period: 1m30s', expected: 90_000 },
  { name: "'500ms'", yaml: 'stop_grace_period: 500ms', expected: 500 },
  { name: "'1h'", yaml: 'stop_grace_period: 1h', expected: 3_600_000 },
  { name: "'1.5s'", yaml: 'stop_grace_period: 1.5s', expected: 1500 },
  { name: "'2us'", yaml: 'stop_grace_period: 2us', expected: 0.002 },
  { name: "'10' (no unit: docker compose refuses it)", yaml: 'stop_grace_period: "10"', diagnostics: ['compose/invalid-value@1:20'] },
  { name: '10 (a number)', yaml: 'stop_grace_period: 10', diagnostics: ['compose/invalid-value@1:20'] },
  { name: '0', yaml: 'stop_grace_period: 0', expected: 0 },
  { name: 'negative', yaml: 'stop_grace_period: -5s', diagnostics: ['compose/invalid-value@1:20'] },
  { name: 'a list', yaml: 'stop_grace_period: [1s]', diagnostics: ['compose/invalid-type@1:20'] },
]);

describeTable('byte sizes: shm_size, mem_limit, mem_reservation', (s) => [s.shmSize, s.memLimit, s.memReservation], [
  { name: "'512M', '1gb', '2k'", yaml: 'shm_size: 512M\nmem_limit: 1gb\nmem_reservation: 2k', expected: [512 * 1024 ** 2, 1024 ** 3, 2048] },
  { name: "'100' and 1024", yaml: 'shm_size: "100"\nmem_limit: 1024', expected: [100, 1024, null] },
  { name: "'1.5G'", yaml: 'mem_limit: 1.5G', expected: [null, 1.5 * 1024 ** 3, null] },
  { name: 'unreadable size', yaml: 'mem_limit: 1.5 gigs', diagnostics: ['compose/invalid-value@1:12'] },
  { name: 'a negative number', yaml: 'shm_size: -1', diagnostics: ['compose/invalid-value@1:11'] },
]);

describeTable('cpus', (s) => s.cpus, [
  { name: "'0.5'", yaml: 'cpus: "0.5"', expected: 0.5 },
  { name: '2', yaml: 'cpus: 2', expected: 2 },
  { name: '1.25', yaml: 'cpus: 1.25', expected: 1.25 },
  { name: 'negative', yaml: 'cpus: -1', diagnostics: ['compose/invalid-value@1:7'] },
  { name: 'not a number', yaml: 'cpus: half', diagnostics: ['compose/invalid-value@1:7'] },
]);
