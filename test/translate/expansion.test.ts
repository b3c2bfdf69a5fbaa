import { describe, expect, test } from 'vitest';
import { escapeExpansion } from '../../src/translate/expansion.js';

/** Kubernetes's expansion of command/args/env values with no variables defined (what the kubelet does). */
function kubeExpand(input: string): string {
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c === '$' && input[i + 1] === '$') {
      out += '$';
      i++;
    } else if (c === '$' && input[i + 1] === '(') {
      const close = input.indexOf(')', i + 2);
      if (close === -1) out += c;
      else {
        out += input.slice(i, close + 1); // an undefined variable is kept as written
        i = close;
      }
    } else out += c;
  }
  return out;
}

describe('escapeExpansion', () => {
  test.each([
    ['plain', 'plain'],
    ['echo $HOME', 'echo $HOME'],
    ['$(date)', '$$(date)'],
    ['a $$ b', 'a $$$ b'],
    ['$$(x)', '$$$$(x)'],
    ['cost: 5$', 'cost: 5$'],
  ])('%j → %j', (literal, escaped) => expect(escapeExpansion(literal)).toBe(escaped));

  test.each(['$(A)', '$$', '$$$(B)', 'x$', '$HOME $(PWD) $$(Q) $$$', '((($(('])('Kubernetes expansion gives back %j', (literal) => {
    expect(kubeExpand(escapeExpansion(literal))).toBe(literal);
  });
});
