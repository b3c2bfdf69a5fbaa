/**
 * Secret values outside Secrets: a container's environment variable or a ConfigMap key named like a secret
 * (`DB_PASSWORD`, `API_TOKEN`, `AWS_SECRET_ACCESS_KEY`) holds one by convention. That is where the values of
 * a Compose project's `.env` and `env_file` files land after a conversion, and a diff in a public CI log must
 * not print them: they are masked like Secret values (mask.ts), on both sides, unless `--show-secrets`. A
 * change stays visible: `*** (before)` and `*** (after)`. Other variables and keys are shown as they are.
 */
import { isObject, type JsonObject } from '../k8s/object.js';
import type { FieldChange } from './changes.js';
import type { ChangePath } from './field-path.js';
import { MASK, MASK_AFTER, MASK_BEFORE } from './mask.js';
import { setOwn } from './normalize.js';

/** A setting's name that says it holds a secret (matched anywhere in the name, any case). */
const SECRET_NAME = /pass(?:word|wd|phrase)?(?![a-z])|pwd|secret|token|api_?key|private_?key|access_?key|credential|auth(?!or)|dsn|salt|cookie|(?:^|_)key$/i;

export function isSecretSettingName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** The names (env variables, ConfigMap keys) whose value is `changed` between the two sides. */
function changedNames(changes: readonly FieldChange[], kind: string): Set<string> {
  const out = new Set<string>();
  for (const c of changes) {
    const name = settingOf(c.path, kind);
    if (name !== undefined && c.op === 'changed') out.add(name);
  }
  return out;
}

/** The secret-like setting a change path ends at: `env[name=X].value` or ConfigMap `data.X`. */
function settingOf(path: ChangePath, kind: string): string | undefined {
  const last = path[path.length - 1];
  const before = path[path.length - 2];
  if (last === 'value' && before !== undefined && typeof before === 'object') {
    const name = before.keys.name;
    if (typeof name === 'string' && isSecretSettingName(name)) return name;
  }
  if (kind === 'ConfigMap' && path.length === 2 && (path[0] === 'data' || path[0] === 'binaryData') && typeof path[1] === 'string' && isSecretSettingName(path[1])) {
    return path[1];
  }
  return undefined;
}

/**
 * `value` with secret-like settings masked (`changed` names get `changedMask`): copied only where something is
 * masked, so a value without any comes back as itself.
 */
function maskDeep(value: unknown, kind: string, changed: ReadonlySet<string>, changedMask: string, top: boolean): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => maskDeep(v, kind, changed, changedMask, false));
    return items.every((v, i) => v === value[i]) ? value : items;
  }
  if (!isObject(value)) return value;
  const envName = typeof value.name === 'string' && typeof value.value === 'string' && isSecretSettingName(value.name) ? value.name : undefined;
  let out: JsonObject | undefined;
  for (const key of Object.keys(value)) {
    const v = value[key];
    const masked =
      envName !== undefined && key === 'value'
        ? changed.has(envName) ? changedMask : MASK
        : top && kind === 'ConfigMap' && (key === 'data' || key === 'binaryData') && isObject(v)
          ? maskData(v, changed, changedMask)
          : maskDeep(v, kind, changed, changedMask, false);
    if (masked === v && out === undefined) continue;
    out ??= copyBefore(value, key);
    setOwn(out, key, masked);
  }
  return out ?? value;
}

/** A copy of `value`'s entries before `key` (the first one that changes). */
function copyBefore(value: JsonObject, key: string): JsonObject {
  const out: JsonObject = {};
  for (const k of Object.keys(value)) {
    if (k === key) break;
    setOwn(out, k, value[k]);
  }
  return out;
}

function maskData(data: JsonObject, changed: ReadonlySet<string>, changedMask: string): JsonObject {
  if (!Object.keys(data).some(isSecretSettingName)) return data;
  const out: JsonObject = {};
  for (const key of Object.keys(data)) setOwn(out, key, isSecretSettingName(key) ? (changed.has(key) ? changedMask : MASK) : data[key]);
  return out;
}

/** A whole object (added or removed) with its secret-like settings masked; the object itself when it has none. */
export function maskSettingsOfObject(object: JsonObject, kind: string): JsonObject {
  return maskDeep(object, kind, new Set(), MASK, true) as JsonObject;
}

/** The two canonical objects as the unified diff shows them. */
export function maskSettingsForDisplay(left: JsonObject, right: JsonObject, kind: string, changes: readonly FieldChange[]): { left: JsonObject; right: JsonObject } {
  const changed = changedNames(changes, kind);
  return {
    left: maskDeep(left, kind, changed, MASK_BEFORE, true) as JsonObject,
    right: maskDeep(right, kind, changed, MASK_AFTER, true) as JsonObject,
  };
}

/** The changes with secret-like settings masked: at the setting itself, or inside an added or removed part. */
export function maskSettingChanges(changes: readonly FieldChange[], kind: string): FieldChange[] {
  return changes.map((c) => {
    if (settingOf(c.path, kind) !== undefined) {
      const out: FieldChange = { op: c.op, path: c.path, masked: true };
      if ('old' in c) out.old = MASK;
      if ('new' in c) out.new = MASK;
      return out;
    }
    if (kind === 'ConfigMap' && c.path.length === 1 && (c.path[0] === 'data' || c.path[0] === 'binaryData')) {
      const out: FieldChange = { ...c, masked: true };
      if (isObject(c.old)) out.old = maskData(c.old, new Set(), MASK);
      if (isObject(c.new)) out.new = maskData(c.new, new Set(), MASK);
      return out;
    }
    const top = c.path.length === 0;
    const old = 'old' in c ? maskDeep(c.old, kind, new Set(), MASK, top) : undefined;
    const neu = 'new' in c ? maskDeep(c.new, kind, new Set(), MASK, top) : undefined;
    if (old === c.old && neu === c.new) return c;
    const out: FieldChange = { ...c, masked: true };
    if ('old' in c) out.old = old;
    if ('new' in c) out.new = neu;
    return out;
  });
}
