/**
 * A service's `x-shipshape` block → settings. The block is validated by schemas/x-shipshape.schema.json
 * (precompiled into generated/project-validators.cjs, export `xShipshape`); every problem is an error at the
 * offending key or value inside the block (the loader keeps nested spans of this block: RawValue.spans), with
 * "did you mean" for a mistyped key or value. A top-level key with a problem is left out; the others apply.
 */
import type { RawValue } from '../compose/model.js';
import type { ObjectRef } from '../diagnostics.js';
import { didYouMeanSuffix } from '../compose/did-you-mean.js';
import { loadGenerated } from '../generated.js';
import type { At, TranslateContext } from './context.js';
import type { AccessMode, AutoscalingSettings, DisruptionBudgetSettings, IngressSettings, SettingDraft, SettingValues } from './extensions.js';
import { accessModesProblem, checkedMap, hostProblem, ingressPathProblem, isPortName, scheduleProblem, storageSizeProblem, subdomainProblem, type MapEntry } from './settings-values.js';

export const X_SHIPSHAPE = 'x-shipshape';

/** The keys of every mapping of the schema, by path (kept in step with the schema by a test). */
export const X_SHIPSHAPE_KEYS: Readonly<Record<string, readonly string[]>> = {
  '': [
    'controller', 'schedule', 'concurrencyPolicy', 'backoffLimit', 'serviceType', 'nodePort', 'ingress', 'autoscaling',
    'disruptionBudget', 'volumes', 'imagePullSecrets', 'imagePullPolicy', 'serviceAccountName', 'podLabels',
    'podAnnotations', 'serviceLabels', 'serviceAnnotations',
  ],
  ingress: ['host', 'path', 'pathType', 'port', 'tlsSecret', 'className', 'annotations'],
  autoscaling: ['minReplicas', 'maxReplicas', 'cpuUtilization', 'memoryUtilization'],
  disruptionBudget: ['minAvailable', 'maxUnavailable'],
  volumes: ['size', 'storageClassName', 'accessModes'],
};

interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}
type Validator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

let validator: Validator | undefined;
function xShipshapeValidator(): Validator {
  validator ??= loadGenerated<{ xShipshape: Validator }>('project-validators.cjs').xShipshape;
  return validator;
}

/** Where a part of the block is: its value (or its key with `key`), else the whole block. */
class BlockPositions {
  constructor(private readonly block: RawValue) {}
  value(pointer: string): At {
    return this.block.spans?.get(pointer)?.value ?? this.block.span;
  }
  key(pointer: string): At {
    const spans = this.block.spans?.get(pointer);
    return spans?.key ?? spans?.value ?? this.block.span;
  }
}

const segments = (pointer: string): string[] => pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
const escape = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** `x-shipshape.ingress.host[0]` for `/ingress/host/0`. */
export function describePointer(pointer: string): string {
  return segments(pointer).reduce((out, s) => (/^\d+$/.test(s) ? `${out}[${s}]` : /^[A-Za-z0-9_-]+$/.test(s) ? `${out}.${s}` : `${out}[${JSON.stringify(s)}]`), X_SHIPSHAPE);
}

const TYPE_WORDS: Record<string, string> = { string: 'a string', integer: 'an integer', number: 'a number', boolean: 'true or false', array: 'a list', object: 'a mapping' };

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  return TYPE_WORDS[typeof value] ?? typeof value;
}

function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const s of segments(pointer)) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[s] : undefined;
  return node;
}

/** Report the schema's complaints; returns the top-level keys that had one. */
function reportSchemaErrors(ctx: TranslateContext, block: RawValue, at: BlockPositions, object: ObjectRef): Set<string> {
  const validate = xShipshapeValidator();
  const broken = new Set<string>();
  if (validate(block.value)) return broken;
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    const pointer = e.keyword === 'additionalProperties' ? `${e.instancePath}/${escape(String(e.params.additionalProperty))}` : e.instancePath;
    const signature = `${pointer}|${e.keyword}`;
    if (seen.has(signature)) continue;
    seen.add(signature);
    broken.add(segments(pointer)[0] ?? '');
    const where = describePointer(pointer);
    const data = valueAt(block.value, e.instancePath);
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String(e.params.additionalProperty);
        const allowed = X_SHIPSHAPE_KEYS[segments(e.instancePath).join('/')] ?? [];
        const suggestion = didYouMeanSuffix(key, allowed);
        ctx.error('x-shipshape/unknown-key', at.key(pointer), `unknown key '${key}' in ${describePointer(e.instancePath)}${suggestion}`, {
          object,
          ...(suggestion ? {} : { hint: `allowed keys: ${allowed.join(', ')} (docs/extensions.md)` }),
        });
        break;
      }
      case 'required':
        ctx.error('x-shipshape/missing-key', at.key(pointer), `${where} is missing the required key '${String(e.params.missingProperty)}'`, { object });
        break;
      case 'type': {
        const types = (Array.isArray(e.params.type) ? e.params.type : String(e.params.type).split(',')).map((t) => TYPE_WORDS[String(t)] ?? String(t));
        ctx.error('x-shipshape/invalid-type', at.value(pointer), `${where} must be ${types.join(' or ')}, not ${kindOf(data)}`, { object });
        break;
      }
      case 'enum': {
        const allowed = ((e.params.allowedValues as unknown[] | undefined) ?? []).map(String);
        const suggestion = typeof data === 'string' ? didYouMeanSuffix(data, allowed) : '';
        ctx.error('x-shipshape/invalid-value', at.value(pointer), `${where} must be one of ${allowed.join(', ')}, not ${JSON.stringify(data)}${suggestion}`, { object });
        break;
      }
      case 'pattern':
        ctx.error('x-shipshape/invalid-value', at.value(pointer), `${where} ${patternWords(pointer)}, not ${JSON.stringify(data)}`, { object });
        break;
      default:
        ctx.error('x-shipshape/invalid-value', at.value(pointer), `${where} ${e.message ?? 'is not valid'}`, { object });
    }
  }
  return broken;
}

function patternWords(pointer: string): string {
  if (pointer.endsWith('/path')) return "must start with '/'";
  if (pointer.endsWith('/size')) return 'must be a Kubernetes quantity such as 5Gi or 500Mi';
  return 'must be a number of pods or a percentage such as "50%"';
}

/** The settings of a service's x-shipshape block (the keys that validate). */
export function readXShipshapeBlock(ctx: TranslateContext, block: RawValue, object: ObjectRef): SettingDraft {
  if (block.value === null) return {}; // `x-shipshape:` with nothing under it
  const at = new BlockPositions(block);
  const broken = reportSchemaErrors(ctx, block, at, object);
  if (broken.has('') || block.value === null || typeof block.value !== 'object' || Array.isArray(block.value)) return {};
  const v = block.value as Record<string, unknown>;
  const draft: SettingDraft = {};
  const has = (key: string): boolean => v[key] !== undefined && !broken.has(key);
  const set = <K extends keyof SettingValues>(name: K, value: SettingValues[K], pointer: string): void => {
    (draft as Record<string, unknown>)[name] = { value, at: at.key(pointer) };
  };
  const named = (key: string, what: string): string | undefined => {
    const problem = subdomainProblem(String(v[key]), what);
    if (problem === undefined) return String(v[key]);
    ctx.error('x-shipshape/invalid-value', at.value(`/${key}`), `${describePointer(`/${key}`)} ${problem}`, { object });
    return undefined;
  };

  for (const key of ['controller', 'concurrencyPolicy', 'backoffLimit', 'serviceType', 'nodePort', 'imagePullPolicy'] as const) {
    if (has(key)) set(key, v[key] as never, `/${key}`);
  }
  if (has('schedule')) {
    const problem = scheduleProblem(String(v.schedule));
    if (problem === undefined) set('schedule', String(v.schedule).trim(), '/schedule');
    else ctx.error('x-shipshape/invalid-value', at.value('/schedule'), `${describePointer('/schedule')} ${problem}`, { object });
  }
  if (has('serviceAccountName')) {
    const name = named('serviceAccountName', 'a ServiceAccount name');
    if (name !== undefined) set('serviceAccountName', name, '/serviceAccountName');
  }
  if (has('imagePullSecrets')) {
    const names = (v.imagePullSecrets as string[]).filter((name, i) => {
      const problem = subdomainProblem(name, 'a Secret name');
      if (problem !== undefined) ctx.error('x-shipshape/invalid-value', at.value(`/imagePullSecrets/${i}`), `${describePointer(`/imagePullSecrets/${i}`)} ${problem}`, { object });
      return problem === undefined;
    });
    set('imagePullSecrets', [...new Set(names)], '/imagePullSecrets');
  }
  for (const key of ['podLabels', 'serviceLabels', 'podAnnotations', 'serviceAnnotations'] as const) {
    if (!has(key)) continue;
    const entries: MapEntry[] = Object.entries(v[key] as Record<string, unknown>).map(([k, value]) => ({ key: k, value: String(value), at: at.key(`/${key}/${escape(k)}`) }));
    set(key, checkedMap(ctx, key.endsWith('Labels') ? 'label' : 'annotation', entries, describePointer(`/${key}`), object), `/${key}`);
  }
  if (has('volumes')) readVolumes(ctx, v.volumes as Record<string, unknown>, at, object, set);
  if (has('ingress')) {
    const ingress = readIngress(ctx, v.ingress as Record<string, unknown>, at, object);
    if (ingress) set('ingress', ingress, '/ingress');
  }
  if (has('autoscaling')) set('autoscaling', readAutoscaling(v.autoscaling as Record<string, unknown>, at), '/autoscaling');
  if (has('disruptionBudget')) {
    const b = v.disruptionBudget as Record<string, number | string>;
    const budget: DisruptionBudgetSettings = { at: at.key('/disruptionBudget') };
    if (b.minAvailable !== undefined) budget.minAvailable = b.minAvailable;
    if (b.maxUnavailable !== undefined) budget.maxUnavailable = b.maxUnavailable;
    set('disruptionBudget', budget, '/disruptionBudget');
  }
  return draft;
}

type Setter = <K extends keyof SettingValues>(name: K, value: SettingValues[K], pointer: string) => void;

function readVolumes(ctx: TranslateContext, volumes: Record<string, unknown>, at: BlockPositions, object: ObjectRef, set: Setter): void {
  /** Set the field when its check finds no problem; else an error at its value, and the field is left out. */
  const checked = <K extends 'volumes.size' | 'volumes.storageClassName' | 'volumes.accessModes'>(name: K, value: SettingValues[K], problem: string | undefined): void => {
    const pointer = `/${name.replace('.', '/')}`;
    if (problem === undefined) set(name, value, pointer);
    else ctx.error('x-shipshape/invalid-value', at.value(pointer), `${describePointer(pointer)} ${problem}`, { object });
  };
  if (typeof volumes.size === 'string') checked('volumes.size', volumes.size, storageSizeProblem(volumes.size));
  if (typeof volumes.storageClassName === 'string') {
    checked('volumes.storageClassName', volumes.storageClassName, subdomainProblem(volumes.storageClassName, 'a StorageClass name'));
  }
  if (Array.isArray(volumes.accessModes)) {
    const modes = volumes.accessModes as AccessMode[];
    checked('volumes.accessModes', modes, accessModesProblem(modes));
  }
}

function readIngress(ctx: TranslateContext, ingress: Record<string, unknown>, at: BlockPositions, object: ObjectRef): IngressSettings | undefined {
  let ok = true;
  const fail = (pointer: string, message: string): void => {
    ok = false;
    ctx.error('x-shipshape/invalid-value', at.value(pointer), `${describePointer(pointer)} ${message}`, { object });
  };
  const hosts = ingress.host === undefined ? [] : Array.isArray(ingress.host) ? (ingress.host as string[]) : [ingress.host as string];
  hosts.forEach((host, i) => {
    const problem = hostProblem(host);
    if (problem !== undefined) fail(Array.isArray(ingress.host) ? `/ingress/host/${i}` : '/ingress/host', problem);
  });
  const path = typeof ingress.path === 'string' ? ingress.path : '/';
  const pathType = (ingress.pathType as IngressSettings['pathType'] | undefined) ?? 'Prefix';
  const pathProblem = ingressPathProblem(path, pathType);
  if (pathProblem !== undefined) fail('/ingress/path', pathProblem);
  const out: IngressSettings = {
    rules: hosts.length === 0 ? [{ path }] : [...new Set(hosts)].map((host) => ({ host, path })),
    pathType,
    annotations: {},
    at: at.key('/ingress'),
  };
  if (ingress.port !== undefined) {
    const port = ingress.port as number | string;
    if (typeof port === 'number' && (port < 1 || port > 65535)) fail('/ingress/port', 'must be a port number from 1 to 65535');
    else if (typeof port === 'string' && !isPortName(port)) fail('/ingress/port', 'must be a port number or a Service port name (at most 15 lower-case letters, digits and -)');
    else out.port = { value: port, at: at.value('/ingress/port') };
  }
  for (const key of ['tlsSecret', 'className'] as const) {
    if (typeof ingress[key] !== 'string') continue;
    const problem = subdomainProblem(ingress[key] as string, key === 'tlsSecret' ? 'a Secret name' : 'an IngressClass name');
    if (problem === undefined) out[key] = ingress[key] as string;
    else fail(`/ingress/${key}`, problem);
  }
  if (ingress.annotations !== undefined) {
    const entries = Object.entries(ingress.annotations as Record<string, unknown>).map(([key, value]) => ({ key, value: String(value), at: at.key(`/ingress/annotations/${escape(key)}`) }));
    out.annotations = checkedMap(ctx, 'annotation', entries, describePointer('/ingress/annotations'), object);
  }
  return ok ? out : undefined;
}

function readAutoscaling(a: Record<string, unknown>, at: BlockPositions): AutoscalingSettings {
  const out: AutoscalingSettings = { maxReplicas: a.maxReplicas as number, at: at.key('/autoscaling') };
  if (typeof a.minReplicas === 'number') out.minReplicas = a.minReplicas;
  if (typeof a.cpuUtilization === 'number') out.cpuUtilization = { value: a.cpuUtilization, at: at.key('/autoscaling/cpuUtilization') };
  if (typeof a.memoryUtilization === 'number') out.memoryUtilization = { value: a.memoryUtilization, at: at.key('/autoscaling/memoryUtilization') };
  return out;
}
