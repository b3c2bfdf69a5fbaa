import { defineRule } from '../rule.js';

/**
 * YAML that does not parse. The rule visits nothing: source/ reports YAML problems with code
 * `yaml-syntax` (and the message id of the parser's error code), and the engine turns them into
 * findings of this rule, so severity configuration and suppression apply to them as to any rule.
 */
export default defineRule({
  id: 'yaml-syntax',
  meta: {
    description: 'YAML (or JSON) that does not parse, or a file that is not UTF-8 text',
    help:
      'Fix the YAML at the position shown (an unclosed quote or bracket, a bad indent, a duplicate key). A document that does not parse is not applied at all.',
    severity: 'error',
    appliesTo: [],
    messages: {
      // Problems shipshape's own reader reports.
      duplicateKey: 'A mapping repeats a key (tools disagree on which one wins).',
      unknownAlias: 'An alias refers to an anchor that does not exist.',
      badMerge: 'A merge key (<<) refers to something other than a mapping.',
      complexKey: 'A mapping key is a mapping or a list.',
      tooDeep: 'The YAML is nested too deeply to be read.',
      limit: 'The YAML exceeds a resource limit (nesting depth or alias expansion).',
      encoding: 'The file is not UTF-8 text.',
      // Error codes of the `yaml` parser.
      ALIAS_PROPS: 'An alias carries an anchor or a tag.',
      BAD_ALIAS: 'An alias is malformed.',
      BAD_COLLECTION_TYPE: 'A collection has the wrong type for its tag.',
      BAD_DIRECTIVE: 'A directive is malformed.',
      BAD_DQ_ESCAPE: 'A double-quoted string has an invalid escape.',
      BAD_INDENT: 'The indentation is wrong.',
      BAD_PROP_ORDER: 'Anchors and tags are in the wrong order.',
      BAD_SCALAR_START: 'A plain value starts with a reserved character.',
      BLOCK_AS_IMPLICIT_KEY: 'A block collection is used as an implicit key.',
      BLOCK_IN_FLOW: 'A block collection appears inside a flow collection.',
      DUPLICATE_KEY: 'A mapping repeats a key.',
      IMPOSSIBLE: 'The parser reached an impossible state.',
      KEY_OVER_1024_CHARS: 'An implicit key is longer than 1024 characters.',
      MISSING_CHAR: 'A required character is missing (a closing quote or bracket).',
      MULTILINE_IMPLICIT_KEY: 'An implicit key spans several lines.',
      MULTIPLE_ANCHORS: 'A node has more than one anchor.',
      MULTIPLE_DOCS: 'The stream holds more documents than expected.',
      MULTIPLE_TAGS: 'A node has more than one tag.',
      NON_STRING_KEY: 'A mapping key is not a string.',
      TAB_AS_INDENT: 'A tab is used for indentation.',
      TAG_RESOLVE_FAILED: 'A tag cannot be resolved.',
      UNEXPECTED_TOKEN: 'The parser met an unexpected token.',
    },
    defaults: {},
  },
  create: () => ({}),
});
