import { describe, expect, test } from 'vitest';
import { findIpLiterals, isVersionName, isWholeValue, type IpLiteralForm } from '../../../src/lint/checks/ip-literals.js';

/** `[text as found, form]` for every literal of the input. */
const found = (text: string) => findIpLiterals(text).map((l) => [l.text, l.form] as [string, IpLiteralForm]);

describe('findIpLiterals', () => {
  const table: [name: string, input: string, expected: [string, IpLiteralForm][]][] = [
    ['a bare address', '10.0.0.1', [['10.0.0.1', 'address']]],
    ['host:port', '10.1.2.3:5432', [['10.1.2.3', 'address']]],
    ['in a URL with a path', 'http://192.168.1.20:8080/api', [['192.168.1.20', 'address']]],
    ['in a URL path that is not a prefix length', 'http://10.0.0.1/8080', [['10.0.0.1', 'address']]],
    ['after user@', 'postgres://app@10.0.0.7/db', [['10.0.0.7', 'address']]],
    ['a flag value', '--master=172.20.0.4', [['172.20.0.4', 'address']]],
    ['a comma-separated list', '10.0.0.1,10.0.0.2', [['10.0.0.1', 'address'], ['10.0.0.2', 'address']]],
    ['quoted in a config file', 'server "10.0.0.3";', [['10.0.0.3', 'address']]],
    ['at the end of a sentence', 'connect to 10.0.0.1.', [['10.0.0.1', 'address']]],
    ['a properties file key:value', 'db.host:10.0.0.1', [['10.0.0.1', 'address']]],
    ['CIDR notation', 'allow 10.0.0.0/8;', [['10.0.0.0', 'network']]],
    ['CIDR notation /32', '10.0.0.5/32', [['10.0.0.5', 'network']]],
    ['an address range', '192.168.1.240-192.168.1.250', [['192.168.1.240', 'range'], ['192.168.1.250', 'range']]],
    ['a version with a pre-release suffix', '1.2.3.4-beta', []],
    ['a private-looking version with a suffix', '10.1.2.3-rc1', []],
    ['a version with build metadata', '10.1.2.3+build', []],
    ['a name ending in a version', 'app-10.1.2.3', []],
    ['a v-prefixed version', 'v10.0.0.1', []],
    ['a file name', 'app-10.1.2.3.jar and 10.1.2.3.tar', []],
    ['five parts', '10.1.2.3.4', []],
    ['an octet over 255', '10.0.17763.1', []],
    ['a leading zero', '10.01.2.3', []],
    ['three parts', '10.0.1', []],
    ['an image tag after a name with a slash', 'registry.example.com/team/app:10.1.2.3', []],
    ['an identifier glued with _', 'HOST_10.0.0.1', []],
    ['IPv6 ULA', 'fd00::1', [['fd00::1', 'address']]],
    ['IPv6 in brackets with a port', 'http://[fd12:3456::8]:8080/', [['fd12:3456::8', 'address']]],
    ['IPv6 full form', '2001:db8:0:0:0:0:0:1', [['2001:db8:0:0:0:0:0:1', 'address']]],
    ['IPv6 CIDR', 'fd00::/8', [['fd00::', 'network']]],
    ['IPv6 after a key and colon', 'host:fd00::1', [['fd00::1', 'address']]],
    ['IPv6 before a colon in prose', 'fd00::1: unreachable', [['fd00::1', 'address']]],
    ['IPv4-mapped IPv6 is left to the IPv4 scan', '::ffff:10.0.0.1', [['10.0.0.1', 'address']]],
    ['a time of day', '12:30:45', []],
    ['a MAC address', 'fc:aa:14:00:00:01', []],
    ['a C++ scope', 'std::vector', []],
    ['the unspecified and loopback IPv6 addresses', ':: and ::1', [['::', 'address'], ['::1', 'address']]],
    ['a hex word glued to letters', 'fd00::1x', []],
    ['nothing', 'no addresses here: 1.2 and 3', []],
    ['a --version= flag value', '--version=10.1.2.3', []],
    ['a version flag and its value', 'app --kube-version 10.1.2.3 --v=2', []],
    ['a single-dash version flag, quoted value', "app -version '10.1.2.3'", []],
    ['a version assignment', 'export APP_VERSION=10.2.0.1;', []],
    ['a YAML or JSON version key', 'version: 10.1.2.3, "chart.revision": "10.1.2.4"', []],
    ['a version flag whose value has a port is an address', '--version=10.0.0.5:8080', [['10.0.0.5', 'address']]],
    ['a flag that is not about versions', '--server 10.1.2.3 --master=10.1.2.4', [['10.1.2.3', 'address'], ['10.1.2.4', 'address']]],
    ['a version key that names a host', 'RELEASE_HOST=10.0.0.5', [['10.0.0.5', 'address']]],
    ['only the value right after the version key', 'VERSION=10.2.0.1 app --db 10.0.0.5', [['10.0.0.5', 'address']]],
  ];
  test.each(table)('%s: %s', (_name, input, expected) => {
    expect(found(input)).toEqual(expected);
  });

  test('offsets point at the literal', () => {
    const text = 'DB=postgres://10.0.0.7:5432/db';
    const [l] = findIpLiterals(text);
    expect(text.slice(l!.start, l!.end)).toBe('10.0.0.7');
  });

  test('a network records its prefix length', () => {
    expect(findIpLiterals('10.0.0.0/8')[0]?.prefix).toBe(8);
    expect(findIpLiterals('10.0.0.0/33')[0]?.form).toBe('address');
  });
});

describe('isVersionName', () => {
  const table: [name: string, expected: boolean][] = [
    ['VERSION', true],
    ['APP_VERSION', true],
    ['appVersion', true],
    ['kube-version', true],
    ['NODE_VER', true],
    ['RELEASE', true],
    ['chart.revision', true],
    ['RELEASE_HOST', false],
    ['versionServer', false],
    ['VERSION_CHECK_URL', false],
    ['VERBOSE', false],
    ['RELEASED_BY', false],
    ['REVERSE_PROXY', false],
    ['DB_HOST', false],
  ];
  test.each(table)('%s → %s', (name, expected) => {
    expect(isVersionName(name)).toBe(expected);
  });
});

describe('isWholeValue', () => {
  test.each([
    ['10.2.0.1', true],
    [' "10.2.0.1" ', true],
    ['10.2.0.1:8080', false],
    ['http://10.2.0.1', false],
  ])('%s → %s', (text, expected) => {
    const [l] = findIpLiterals(text);
    expect(isWholeValue(text, l!)).toBe(expected);
  });
});
