import { describe, expect, test } from 'vitest';
import {
  clusterInternalRanges,
  formatIpAddress,
  inIpRange,
  parseIpAddress,
  parseIpRange,
  parseIpv4,
  parseIpv6,
} from '../../../src/lint/checks/ip-address.js';

describe('parseIpv4', () => {
  test.each([
    ['10.0.0.1', [10, 0, 0, 1]],
    ['255.255.255.255', [255, 255, 255, 255]],
    ['0.0.0.0', [0, 0, 0, 0]],
  ])('%s', (text, bytes) => expect(parseIpv4(text)?.bytes).toEqual(bytes));
  test.each(['256.0.0.1', '10.0.0', '10.0.0.1.2', '01.0.0.1', '10.0.0.a', '', '1..2.3'])('refuses %j', (text) => {
    expect(parseIpv4(text)).toBeUndefined();
  });
});

describe('parseIpv6', () => {
  test.each([
    ['::', '::'],
    ['::1', '::1'],
    ['fd00::1', 'fd00::1'],
    ['FD00:0:0:0:0:0:0:1', 'fd00::1'],
    ['2001:db8::8a2e:370:7334', '2001:db8::8a2e:370:7334'],
    ['::ffff:10.0.0.1', '::ffff:a00:1'],
    ['1:0:0:2:0:0:0:3', '1:0:0:2::3'],
  ])('%s → %s', (text, canonical) => expect(formatIpAddress(parseIpv6(text)!)).toBe(canonical));
  test.each(['1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', 'fd00::1::2', 'g::1', '12345::1', '1:2:3:4:5:6:7::8', ':1:2:3:4:5:6:7'])('refuses %j', (text) => {
    expect(parseIpv6(text)).toBeUndefined();
  });
});

describe('parseIpRange and inIpRange', () => {
  test('a CIDR and a single address', () => {
    expect(parseIpRange('10.0.0.0/8')).toMatchObject({ version: 4, prefix: 8 });
    expect(parseIpRange('10.0.0.5')).toMatchObject({ version: 4, prefix: 32 });
    expect(parseIpRange('fd00::/8')).toMatchObject({ version: 6, prefix: 8 });
  });
  test.each(['10.0.0.0/33', '10.0.0.0/', '10.0.0.0/08', 'fd00::/129', 'nonsense', '10.0.0.0/8/8'])('refuses %j', (text) => {
    expect(parseIpRange(text)).toBeUndefined();
  });
  test.each([
    ['10.255.1.1', '10.0.0.0/8', true],
    ['11.0.0.1', '10.0.0.0/8', false],
    ['172.31.255.255', '172.16.0.0/12', true],
    ['172.32.0.1', '172.16.0.0/12', false],
    ['100.127.0.1', '100.64.0.0/10', true],
    ['100.128.0.1', '100.64.0.0/10', false],
    ['fdff::1', 'fc00::/7', true],
    ['fe80::1', 'fc00::/7', false],
    ['::ffff:192.168.0.1', '192.168.0.0/16', true],
    ['10.0.0.1', 'fc00::/7', false],
    ['1.2.3.4', '0.0.0.0/0', true],
  ])('%s in %s: %s', (address, range, expected) => {
    expect(inIpRange(parseIpAddress(address)!, parseIpRange(range)!)).toBe(expected);
  });
  test('the cluster-internal ranges are RFC 1918, CGNAT and ULA', () => {
    expect(clusterInternalRanges.map((r) => r.text)).toEqual(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7']);
  });
});
