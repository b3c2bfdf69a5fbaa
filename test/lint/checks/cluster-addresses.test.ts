import { describe, expect, test } from 'vitest';
import { addressPolicy, clusterAddressesIn, listAddresses } from '../../../src/lint/checks/cluster-addresses.js';

const defaults = addressPolicy([], []);
const texts = (text: string, policy = defaults) => clusterAddressesIn(text, policy).map((l) => l.text);

describe('clusterAddressesIn', () => {
  test.each([
    ['RFC 1918', '10.1.2.3 172.16.0.1 172.31.255.254 192.168.0.1', ['10.1.2.3', '172.16.0.1', '172.31.255.254', '192.168.0.1']],
    ['CGNAT', '100.64.0.1 100.127.255.1', ['100.64.0.1', '100.127.255.1']],
    ['ULA', 'fc00::1 fdab::2', ['fc00::1', 'fdab::2']],
    ['IPv4-mapped private address', '::ffff:10.0.0.1', ['10.0.0.1']],
    ['just outside the ranges', '172.15.0.1 172.32.0.1 100.63.0.1 100.128.0.1 192.169.0.1 11.0.0.1', []],
    ['loopback, unspecified, link-local, public', '127.0.0.1 0.0.0.0 :: ::1 169.254.169.254 fe80::1 8.8.8.8 2001:db8::1', []],
    ['networks and ranges', '10.0.0.0/8 fd00::/8 10.0.0.1-10.0.0.9', []],
    ['network and broadcast addresses without a prefix', 'INTERNAL_SUBNET=10.13.13.0 BROADCAST=192.168.1.255 ::ffff:10.1.0.0', []],
    ['.0 and .255 inside an address are fine', '10.0.255.1 10.255.0.2', ['10.0.255.1', '10.255.0.2']],
  ])('%s', (_name, text, expected) => expect(texts(text)).toEqual(expected));

  test('extra ranges and allowed addresses', () => {
    const policy = addressPolicy(['203.0.113.0/24', '2001:db8::/32'], ['10.0.0.5', '192.168.0.0/16', 'not an address']);
    expect(texts('203.0.113.9 2001:db8::1 10.0.0.5 10.0.0.6 192.168.1.1 198.51.100.1', policy)).toEqual(['203.0.113.9', '2001:db8::1', '10.0.0.6']);
  });
});

describe('listAddresses', () => {
  const list = (text: string) => listAddresses(clusterAddressesIn(text, defaults));
  test.each([
    ['10.0.0.1', '10.0.0.1', 1],
    ['10.0.0.1 10.0.0.1:80', '10.0.0.1', 1],
    ['10.0.0.1 10.0.0.2', '10.0.0.1 and 10.0.0.2', 2],
    ['10.0.0.1 10.0.0.2 10.0.0.3', '10.0.0.1, 10.0.0.2 and 10.0.0.3', 3],
    ['10.0.0.1 10.0.0.2 10.0.0.3 10.0.0.4 10.0.0.5', '10.0.0.1, 10.0.0.2, 10.0.0.3 and 2 more', 5],
    ['FD00:0:0:0:0:0:0:1 fd00::1', 'fd00::1', 1],
  ])('%s', (text, expected, count) => expect(list(text)).toEqual({ text: expected, count }));
});
