/** Validate a Kubernetes object against the compiled built-in API definitions for its apiVersion and kind. */
import { deprecationOf } from '../deprecations.js';
import { groupOf } from '../object.js';
import { closestName } from '../../text/edit-distance.js';
import { validatorOf } from './generated.js';
import { apiVersionsWithKind, builtinGroups, kindsOf, resourceOf } from './resources.js';
import { violationsOf, type SchemaViolation } from './violations.js';

export type SchemaResult =
  | { status: 'valid' }
  /** apiVersion/kind is not a built-in API (a custom resource), or a removed one with no definitions left. */
  | { status: 'unknown' }
  | { status: 'invalid'; violations: SchemaViolation[] };

const VALID: SchemaResult = { status: 'valid' };
const UNKNOWN: SchemaResult = { status: 'unknown' };

/**
 * Validate strictly (unknown fields are errors, `null` counts as "not set"), picking the definition by
 * apiVersion + kind. Never throws on bad input.
 */
export function validateObject(object: Record<string, unknown>): SchemaResult {
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || apiVersion === '' || kind === '') {
    return { status: 'invalid', violations: identityViolations(apiVersion, kind) };
  }
  const resource = resourceOf(apiVersion, kind);
  if (!resource) {
    const violation = unknownBuiltin(apiVersion, kind);
    return violation ? { status: 'invalid', violations: [violation] } : UNKNOWN;
  }
  const [definition] = resource;
  const validate = validatorOf(definition);
  if (!validate) throw new Error(`no compiled validator for ${definition}: generated/k8s is out of date`);
  if (validate(object)) return VALID;
  return { status: 'invalid', violations: violationsOf(validate.errors ?? [], { object, kind, definition }) };
}

function identityViolations(apiVersion: unknown, kind: unknown): SchemaViolation[] {
  const out: SchemaViolation[] = [];
  for (const [field, value] of [
    ['apiVersion', apiVersion],
    ['kind', kind],
  ] as const) {
    if (value === undefined || value === null) {
      out.push({ path: [], keyword: 'required', message: `missing required field '${field}'` });
    } else if (typeof value !== 'string' || value === '') {
      out.push({ path: [field], keyword: 'type', message: `${field} must be a non-empty string` });
    }
  }
  return out;
}

/**
 * A kind or version that does not exist in a built-in API group (`apps/v1` `Deploymnet`, `apps/v2`): an error,
 * not a custom resource. Removed versions the deprecation table knows (`extensions/v1beta1` Deployment) and
 * `List` are not reported here.
 */
function unknownBuiltin(apiVersion: string, kind: string): SchemaViolation | undefined {
  if (kind === 'List' || deprecationOf(apiVersion, kind)) return undefined;
  const group = groupOf(apiVersion);
  const builtin = builtinGroups().get(group);
  if (!builtin) return undefined;
  const version = apiVersion.slice(apiVersion.lastIndexOf('/') + 1);
  const groupName = group === '' ? 'core' : group;
  if (!builtin.versions.has(version)) {
    const known = [...builtin.versions].sort().join(', ');
    return { path: ['apiVersion'], keyword: 'apiVersion', message: `'${apiVersion}' is not a version of the ${groupName} API (it has ${known})` };
  }
  // The kind exists, in another version or group (`apiVersion: v1` with `kind: Deployment`).
  const homes = apiVersionsWithKind(kind).filter((v) => !deprecationOf(v, kind));
  const sameGroup = homes.filter((v) => groupOf(v) === group);
  if (homes.length > 0) {
    const shown = (sameGroup.length > 0 ? sameGroup : homes).slice(0, 3).join(', ');
    return { path: ['apiVersion'], keyword: 'apiVersion', message: `${apiVersion} has no kind '${kind}' (${kind} is served by ${shown})` };
  }
  const suggestion = closestName(kind, kindsOf(apiVersion));
  return {
    path: ['kind'],
    keyword: 'kind',
    message: `'${kind}' is not a kind of ${apiVersion}${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`,
  };
}
