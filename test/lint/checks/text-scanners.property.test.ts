/**
 * Properties of the text scanners on arbitrary input: they never throw, offsets point at the literal,
 * every literal re-parses to the address it reports, and the image parser accepts what it renders.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { findIpLiterals } from '../../../src/lint/checks/ip-literals.js';
import { formatIpAddress, parseIpAddress } from '../../../src/lint/checks/ip-address.js';
import { parseImageReference } from '../../../src/lint/checks/image-reference.js';

const ipish = fc.stringMatching(/^[0-9a-fA-F:.\/\- \[\]v_x%@=,;]{0,40}$/);
const octet = fc.integer({ min: 0, max: 255 });
const v4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
const glue = fc.constantFrom(' ', ',', ';', '=', '"', "'", '(', ')', '@', '//', '\n', '\t', '');

describe('findIpLiterals', () => {
  test('never throws; offsets and addresses agree with the text', () => {
    fc.assert(
      fc.property(fc.oneof(ipish, fc.string({ maxLength: 60 })), (text) => {
        for (const l of findIpLiterals(text)) {
          expect(text.slice(l.start, l.end)).toBe(l.text);
          expect(formatIpAddress(parseIpAddress(l.text)!)).toBe(formatIpAddress(l.address));
        }
      }),
      { seed: 11, numRuns: 2000 },
    );
  });

  test('an IPv4 address between delimiters is always found', () => {
    fc.assert(
      fc.property(glue, v4, fc.constantFrom(' ', ',', ';', '"', ':80', '/api', ''), (before, address, after) => {
        const text = `x${before === '' ? ' ' : before}${address}${after}`;
        expect(findIpLiterals(text).map((l) => l.text)).toEqual([address]);
      }),
      { seed: 12, numRuns: 500 },
    );
  });
});

describe('parseImageReference', () => {
  test('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const r = parseImageReference(text);
        expect(typeof r.ok).toBe('boolean');
      }),
      { seed: 13, numRuns: 2000 },
    );
  });

  test('a rendered reference parses back to its parts', () => {
    // Without a registry, a first component with a dot would be a registry host (docker.io/…): keep dots out.
    const component = fc.stringMatching(/^[a-z0-9]{1,8}(?:(?:_|__|-+)[a-z0-9]{1,5})?$/);
    const reference = fc.record({
      registry: fc.option(fc.constantFrom('docker.io', 'localhost:5000', 'registry.example.com:443', 'gcr.io'), { nil: undefined }),
      path: fc.array(component, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/')),
      tag: fc.option(fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,20}$/), { nil: undefined }),
      digest: fc.option(fc.stringMatching(/^[0-9a-f]{64}$/).map((h) => `sha256:${h}`), { nil: undefined }),
    });
    fc.assert(
      fc.property(reference, (ref) => {
        const text = `${ref.registry ? `${ref.registry}/` : ''}${ref.path}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
        const parsed = parseImageReference(text);
        expect(parsed.ok, text).toBe(true);
        if (!parsed.ok) return;
        const expected = Object.fromEntries(Object.entries(ref).filter(([, v]) => v !== undefined));
        expect(parsed.reference).toEqual(expected);
      }),
      { seed: 14, numRuns: 500 },
    );
  });
});
