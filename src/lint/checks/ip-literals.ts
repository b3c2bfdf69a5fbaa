/**
 * Find IP address literals in free text (an env value, a command line, a config file in a ConfigMap),
 * telling hosts from networks and from things that only look like addresses.
 *
 * A literal counts only when it stands on its own: the characters around it are not letters, digits,
 * `_` or `.` (so `v10.0.0.1`, `10.0.0.1.jar` and `1.2.3.4.5` are not addresses; a sentence-ending dot
 * is fine). Each IPv4 octet is 0-255 without leading zeros. Also not addresses:
 * - version strings: a literal glued to a word by `-`, `+` or `~` (`10.1.2.3-beta`, `app-10.1.2.3`),
 *   a tag after an image name that has a slash (`registry/app:10.1.2.3`), and the whole value of a key
 *   or flag whose name says version (`APP_VERSION=10.2.0.1`, `version: 10.1.2.3`, `--version=10.1.2.3`,
 *   `--kube-version 10.1.2.3`; see `isVersionName`);
 * - an IPv4 literal followed by `.digit` inside an IPv6 run is left to the IPv4 scan (mapped addresses).
 * Networks are reported with their form: CIDR notation (`10.0.0.0/8`) is `network`, either end of an
 * address range (`10.0.0.1-10.0.0.9`) is `range`; everything else is `address`.
 */
import { parseIpv4, parseIpv6, type IpAddress } from './ip-address.js';

export type IpLiteralForm = 'address' | 'network' | 'range';

export interface IpLiteral {
  /** The address as written (without a prefix length). */
  text: string;
  /** Offsets of `text` in the scanned string. */
  start: number;
  end: number;
  address: IpAddress;
  form: IpLiteralForm;
  /** The prefix length of a `network`. */
  prefix?: number;
}

const WORD = /[0-9A-Za-z_]/;
const SUFFIX_GLUE = new Set(['-', '+', '~']);

function isWord(c: string | undefined): boolean {
  return c !== undefined && WORD.test(c);
}

/** Every IP literal of `text`, in order. */
export function findIpLiterals(text: string): IpLiteral[] {
  const out = [...ipv4Literals(text), ...ipv6Literals(text)];
  return out.sort((a, b) => a.start - b.start);
}

interface Run {
  text: string;
  start: number;
  end: number;
}

interface Family {
  parse: (text: string) => IpAddress | undefined;
  maxPrefix: number;
  /** A family-specific reason to leave a well-delimited run alone. */
  skip: (text: string, run: Run) => boolean;
}

const ipv4: Family = {
  parse: parseIpv4,
  maxPrefix: 32,
  skip: (text, run) => (text[run.start - 1] === ':' && isImageTag(text, run.start - 1)) || isVersionSetting(text, run),
};

const ipv6: Family = {
  parse: parseIpv6,
  maxPrefix: 128,
  // `::ffff:10.0.0.1`: the IPv4 scan reports the mapped address.
  skip: (text, run) => text[run.end] === '.' && /\d/.test(text[run.end + 1] ?? ''),
};

function ipv4Literals(text: string): IpLiteral[] {
  // Cheap test first: most strings (names, images, flags) hold no `digit.digit` at all.
  if (!/\d\.\d/.test(text)) return [];
  const runs = [...text.matchAll(/\d+(?:\.\d+)+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
  return literalsOf(text, runs, ipv4);
}

function ipv6Literals(text: string): IpLiteral[] {
  // An IPv6 literal has at least two colons; the scan below would otherwise visit every run of hex letters.
  const colon = text.indexOf(':');
  if (colon === -1 || text.indexOf(':', colon + 1) === -1) return [];
  const runs = [...text.matchAll(/[0-9A-Fa-f:]+/g)].map((m) => trimColons(m[0], m.index)).filter((r) => r.text.split(':').length > 2);
  return literalsOf(text, runs, ipv6);
}

function literalsOf(text: string, runs: readonly Run[], family: Family): IpLiteral[] {
  const out: IpLiteral[] = [];
  const rangeStarts = new Set<number>();
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    const address = family.parse(run.text);
    if (!address) continue;
    const inRange = rangeStarts.has(run.start);
    if (!inRange && !standsAloneBefore(text, run.start)) continue;
    if (family.skip(text, run)) continue;
    const next = runs[i + 1];
    const after = afterLiteral(text, run.end, family.maxPrefix, (start) => next?.start === start && family.parse(next.text) !== undefined);
    if (after.kind === 'glued') continue;
    if (after.kind === 'range') rangeStarts.add(run.end + 1);
    out.push(literal(run.text, run.start, address, inRange ? 'range' : after.kind, after.prefix));
  }
  return out;
}

/** A single `:` at either end of a hex run belongs to the text around it (`host:fd00::1`, `fd00::1: …`). */
function trimColons(text: string, start: number): Run {
  let s = 0;
  let e = text.length;
  if (text.startsWith(':') && !text.startsWith('::')) s = 1;
  if (text.endsWith(':') && !text.endsWith('::') && e - 1 > s) e -= 1;
  return { text: text.slice(s, e), start: start + s, end: start + e };
}

/** Nothing word-like (and no version glue) right before the literal. */
function standsAloneBefore(text: string, start: number): boolean {
  const before = text[start - 1];
  if (before === undefined) return true;
  if (isWord(before) || before === '.') return false;
  if (SUFFIX_GLUE.has(before) && isWord(text[start - 2])) return false;
  return true;
}

interface After {
  kind: IpLiteralForm | 'glued';
  prefix?: number;
}

/** What follows a literal: a prefix length, the other end of a range, a word it is glued to, or nothing. */
function afterLiteral(text: string, end: number, maxPrefix: number, addressStartsAt: (offset: number) => boolean): After {
  const c = text[end];
  if (c === undefined) return { kind: 'address' };
  if (isWord(c)) return { kind: 'glued' };
  if (c === '.') return isWord(text[end + 1]) ? { kind: 'glued' } : { kind: 'address' };
  if (c === '/') {
    const m = /^\/(0|[1-9]\d{0,2})(?![0-9A-Za-z_]|\.\w)/.exec(text.slice(end, end + 5));
    if (m && Number(m[1]) <= maxPrefix) return { kind: 'network', prefix: Number(m[1]) };
    return { kind: 'address' };
  }
  if (SUFFIX_GLUE.has(c) && isWord(text[end + 1])) {
    return c === '-' && addressStartsAt(end + 1) ? { kind: 'range' } : { kind: 'glued' };
  }
  return { kind: 'address' };
}

/**
 * `registry.example.com/team/app:10.1.2.3`: the literal after `:` is the tag of an image name (a word
 * with a slash that is not a URL's `//`), not an address.
 */
function isImageTag(text: string, colon: number): boolean {
  let s = colon;
  while (s > 0 && !/[\s"'`=,;()[\]{}<>|]/.test(text[s - 1]!)) s--;
  const name = text.slice(s, colon);
  return name.includes('/') && !name.includes('//') && /^[\w./-]+$/.test(name);
}

/** A literal written as the value of a version-named flag or key, and nothing more (no port or path). */
function isVersionSetting(text: string, run: Run): boolean {
  if (!endsValue(text, run.end)) return false;
  const before = text.slice(Math.max(0, run.start - 100), run.start);
  const flag = /(?:^|[\s"'=])-{1,2}([A-Za-z][\w.-]*)(?:=|[ \t]+)["']?$/.exec(before);
  if (flag) return isVersionName(flag[1]!);
  const setting = /(?:^|[^\w.-])([A-Za-z_][\w.-]*)["']?[ \t]*[=:][ \t]*["']?$/.exec(before);
  return setting !== null && isVersionName(setting[1]!);
}

/** Where a value ends: the end of the text, a blank, a closing quote or bracket, a separator. */
function endsValue(text: string, end: number): boolean {
  const c = text[end];
  return c === undefined || /[\s"',;)\]}]/.test(c);
}

const VERSION_WORDS = new Set(['ver', 'release', 'revision']);
const ADDRESS_WORDS = new Set(['host', 'hostname', 'hosts', 'addr', 'address', 'ip', 'server', 'endpoint', 'url', 'uri', 'proxy', 'peer']);

/**
 * A key, variable or flag name that says its value is a version: it contains `version` (`VERSION`,
 * `APP_VERSION`, `appVersion`, `kube-version`), or one of its words is `ver`, `release` or `revision`
 * (`NODE_VER`, `RELEASE`, `chart.revision`) — unless another of its words names an address
 * (`RELEASE_HOST`, `versionServer`, `VERSION_CHECK_URL`), whose value is a host after all.
 */
export function isVersionName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  if (words.some((w) => ADDRESS_WORDS.has(w))) return false;
  return /version/i.test(name) || words.some((w) => VERSION_WORDS.has(w));
}

/** The literal is the whole of `text`, blanks and quotes around it aside. */
export function isWholeValue(text: string, literal: Pick<IpLiteral, 'start' | 'end'>): boolean {
  return /^[\s"']*$/.test(text.slice(0, literal.start)) && /^[\s"']*$/.test(text.slice(literal.end));
}

function literal(text: string, start: number, address: IpAddress, form: IpLiteralForm, prefix: number | undefined): IpLiteral {
  const out: IpLiteral = { text, start, end: start + text.length, address, form };
  if (form === 'network' && prefix !== undefined) out.prefix = prefix;
  return out;
}
