/**
 * Top-level `secrets` and `configs` → one Secret / ConfigMap each (named after the Compose key, as a DNS
 * label, with the project's labels), holding one key — the Compose key, or a key derived from it — with the
 * content of the file (read inside the project only), the environment variable, or `content:`. External
 * ones are referenced, not created: an object of that name must exist with that key (info). Only definitions
 * some service uses become objects (an unused one gets an info). Secret values never appear in diagnostics.
 *
 * A service's `secrets:` / `configs:` entry mounts the object's key as one file at the Compose target (secrets:
 * `/run/secrets/<source>` by default, a relative target under /run/secrets; configs: `/<source>`), with
 * `subPath`, read-only; `mode` → the volume's `defaultMode`; `uid`/`gid` are dropped (warning).
 */
import { fileReferenceTarget } from '../compose/consistency.js';
import type { ConfigDefinition, FileReference, SecretDefinition } from '../compose/model.js';
import type { ObjectRef } from '../diagnostics.js';
import type { JsonObject, KubeObject, ServiceScope, TranslateContext } from './context.js';
import { base64Of, CONFIG_DATA_LIMIT, configKeyFor, dataFields, dataOf, describeSize, isConfigKey } from './config-data.js';
import { projectLabels } from './labels.js';
import { toDnsLabel } from './names.js';
import { locate, readLocated, refuse } from './project-files.js';
import { IGNORE_POD_IP, reportAddressesAsWritten, staticAddressIndex } from './static-addresses.js';
import { externalName, volumeNamesOf } from './volume-names.js';
import type { PodVolumes } from './volume-pod.js';

export type FileKind = 'secret' | 'config';
type Definition = SecretDefinition | ConfigDefinition;

/** What a service mounts for a definition. */
interface Available {
  /** The Secret's or ConfigMap's name. */
  object: string;
  key: string;
}

const available = new WeakMap<TranslateContext, Map<string, Available | undefined>>();

function registry(ctx: TranslateContext): Map<string, Available | undefined> {
  let map = available.get(ctx);
  if (!map) {
    map = new Map();
    available.set(ctx, map);
  }
  return map;
}

const KIND_OF: Record<FileKind, 'Secret' | 'ConfigMap'> = { secret: 'Secret', config: 'ConfigMap' };

/** The objects of the definitions of one kind that services use. */
export async function translateDefinitions(ctx: TranslateContext, kind: FileKind): Promise<void> {
  const definitions: readonly Definition[] = kind === 'secret' ? ctx.project.secrets : ctx.project.configs;
  const used = new Set(ctx.project.services.flatMap((s) => (kind === 'secret' ? s.secrets : s.configs).map((r) => r.source)));
  for (const def of definitions) {
    const object: ObjectRef = { kind: kind === 'secret' ? 'ComposeSecret' : 'ComposeConfig', name: def.key };
    reportDefinitionKeys(ctx, kind, def, object);
    if (!used.has(def.key)) {
      ctx.info(`convert/unused-${kind}`, def.span, `${kind} '${def.key}' is not used by any service: no ${KIND_OF[kind]} is created for it`, { object });
      continue;
    }
    registry(ctx).set(`${kind}:${def.key}`, await definitionObject(ctx, kind, def, object));
  }
}

async function definitionObject(ctx: TranslateContext, kind: FileKind, def: Definition, object: ObjectRef): Promise<Available | undefined> {
  const source = def.source;
  const key = isConfigKey(def.key) ? def.key : configKeyFor(def.key, new Set());
  if (source.type === 'external') {
    const name = externalName(ctx, source.name, def.keys.name ?? def.keys.external ?? def.span, KIND_OF[kind], object);
    ctx.info(`convert/external-${kind}`, def.keys.external ?? def.span, `${kind} '${def.key}' is external: the ${KIND_OF[kind]} '${name}' is referenced, not created; it must exist in the namespace with the key '${key}'`, { object });
    return { object: name, key };
  }
  const name = toDnsLabel(def.key);
  let bytes: Uint8Array;
  if (source.type === 'file') {
    const at = def.keys.file ?? def.span;
    const found = await locate(ctx, source.resolved, at, `the ${kind} file ${source.path}`, { object });
    if (found.kind === 'refused') return undefined;
    if (found.kind === 'missing' || found.stat.kind !== 'file') {
      ctx.error('convert/missing-file', at, `the ${kind} file ${source.path} ${found.kind === 'missing' ? 'does not exist' : 'is not a file'}: docker compose would not start the services that use it`, { object });
      return undefined;
    }
    const read = await readLocated(ctx, found, key, CONFIG_DATA_LIMIT);
    if (read.kind !== 'read') {
      const why = read.kind === 'too-large' ? `it holds ${describeSize(read.size)}, more than the 1 MiB a ${KIND_OF[kind]} can hold` : read.kind === 'unreadable' ? read.message : 'it leads outside the project directory';
      ctx.error('convert/unreadable-file', at, `the ${kind} file ${source.path} cannot be used: ${why}`, { object });
      return undefined;
    }
    bytes = read.files[0]!.bytes;
  } else {
    bytes = new TextEncoder().encode(source.type === 'environment' ? (source.value ?? '') : source.content);
  }
  const metadata: KubeObject['metadata'] = { name, labels: projectLabels(ctx.project.name) };
  if (kind === 'secret') {
    ctx.emit({ apiVersion: 'v1', kind: 'Secret', metadata, type: 'Opaque', data: { [key]: base64Of(bytes) } }, def.span);
    return { object: name, key };
  }
  const data = dataOf([{ relative: key, bytes }], false);
  const text = data.texts[0]?.text;
  if (text !== undefined && reportAddressesAsWritten(ctx, staticAddressIndex(ctx), text, def.span, object, `config '${def.key}'`)) {
    metadata.annotations = { ...IGNORE_POD_IP };
  }
  ctx.emit({ apiVersion: 'v1', kind: 'ConfigMap', metadata, ...dataFields(data) }, def.span);
  return { object: name, key };
}

function reportDefinitionKeys(ctx: TranslateContext, kind: FileKind, def: Definition, object: ObjectRef): void {
  if (def.labels.length > 0) {
    ctx.info('convert/dropped-key', def.keys.labels ?? def.span, `the labels of ${kind} '${def.key}' are not put on its ${KIND_OF[kind]}`, { object });
  }
  for (const [key, raw] of Object.entries(def.other ?? {})) {
    ctx.warn('convert/dropped-key', def.keys[key] ?? raw.span, `'${key}' of ${kind} '${def.key}' is dropped: the ${KIND_OF[kind]} holds the content as it is`, { object });
  }
}

/** Mount a service's `secrets:` or `configs:` entries. */
export function mountReferences(ctx: TranslateContext, scope: ServiceScope, kind: FileKind, pod: PodVolumes): void {
  const refs = kind === 'secret' ? scope.service.secrets : scope.service.configs;
  for (const ref of refs) {
    const found = registry(ctx).get(`${kind}:${ref.source}`);
    if (!found) continue; // not defined (the loader reports it) or not readable (reported above)
    reportReferenceKeys(ctx, scope, kind, ref);
    const source: JsonObject = kind === 'secret' ? { secretName: found.object } : { name: found.object };
    const mode = modeOf(ctx, scope, ref);
    if (mode !== undefined) source.defaultMode = mode;
    const name = volumeNamesOf(scope).name(`${kind}-${ref.source}`, `${ref.source}:${mode ?? ''}`);
    pod.mount({ name, [kind === 'secret' ? 'secret' : 'configMap']: source }, fileReferenceTarget(kind, ref), { readOnly: true, subPath: found.key });
  }
}

function modeOf(ctx: TranslateContext, scope: ServiceScope, ref: FileReference): number | undefined {
  if (ref.mode === undefined) return undefined;
  if (ref.mode >= 0 && ref.mode <= 0o777) return ref.mode;
  ctx.warn('convert/dropped-key', ref.keys.mode ?? ref.span, `the mode ${ref.mode.toString(8)} of '${ref.source}' is dropped: Kubernetes file modes are permission bits (0 to 0777)`, { object: scope.ref });
  return undefined;
}

function reportReferenceKeys(ctx: TranslateContext, scope: ServiceScope, kind: FileKind, ref: FileReference): void {
  for (const key of ['uid', 'gid'] as const) {
    if (ref[key] === undefined) continue;
    ctx.warn('convert/dropped-key', ref.keys[key] ?? ref.span, `the ${key} of ${kind} '${ref.source}' is dropped: mounted files belong to root; the pod's securityContext.fsGroup sets their group`, { object: scope.ref });
  }
}
