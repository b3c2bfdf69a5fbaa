/**
 * Checks across the normalized project that no single key can make: references to volumes, networks,
 * secrets, configs and services that are not defined; `depends_on` cycles; two mounts on one container
 * path (volumes, tmpfs, and the files of `secrets:` and `configs:` at their targets); `container_name` on a
 * service that runs more than one replica. Indexes first, no all-pairs scans.
 */
import { posix } from 'node:path';
import type { Diagnostic, DiagnosticSink, ObjectRef } from '../diagnostics.js';
import type { Span } from '../source/span.js';
import { didYouMeanSuffix } from './did-you-mean.js';
import type { FileReference, Service } from './model.js';
import type { NormalizedProject } from './normalize/index.js';

export const UNDEFINED_VOLUME = 'compose/undefined-volume';
export const UNDEFINED_NETWORK = 'compose/undefined-network';
export const UNDEFINED_SECRET = 'compose/undefined-secret';
export const UNDEFINED_CONFIG = 'compose/undefined-config';
export const UNDEFINED_SERVICE = 'compose/undefined-service';
export const DISABLED_DEPENDENCY = 'compose/disabled-dependency';
export const DEPENDENCY_CYCLE = 'compose/dependency-cycle';
export const DUPLICATE_MOUNT_TARGET = 'compose/duplicate-mount-target';
export const CONTAINER_NAME_REPLICAS = 'compose/container-name-replicas';

/** Services left out by the active profiles, with the profiles that would enable them. */
export type DisabledServices = ReadonlyMap<string, readonly string[]>;

export function checkConsistency(project: NormalizedProject, disabled: DisabledServices, report: DiagnosticSink): void {
  const volumes = new Set(project.volumes.map((v) => v.key));
  const networks = new Set(project.networks.map((n) => n.key));
  const secrets = new Set(project.secrets.map((s) => s.key));
  const configs = new Set(project.configs.map((c) => c.key));
  const services = new Map(project.services.map((s) => [s.name, s]));
  for (const s of project.services) {
    const object: ObjectRef = { kind: 'ComposeService', name: s.name };
    const problem = (code: string, message: string, at: Span, hint?: string, extra: Partial<Diagnostic> = {}) =>
      report({ code, severity: 'error', message, ...at, object, ...(hint ? { hint } : {}), ...extra });
    const undefinedRef = (code: string, what: string, name: string, known: Set<string>, at: Span, key: string) => {
      problem(code, `service ${s.name} uses ${what} ${name}, which is not defined${didYouMeanSuffix(name, known)}`, at, `Define it under the top-level ${key} key.`);
    };
    for (const m of s.volumes) {
      if (m.type === 'volume' && m.source !== undefined && !volumes.has(m.source)) undefinedRef(UNDEFINED_VOLUME, 'volume', m.source, volumes, m.span, 'volumes');
    }
    for (const n of s.networks) {
      if (n.name !== 'default' && !networks.has(n.name)) undefinedRef(UNDEFINED_NETWORK, 'network', n.name, networks, n.span, 'networks');
    }
    for (const r of s.secrets) if (!secrets.has(r.source)) undefinedRef(UNDEFINED_SECRET, 'secret', r.source, secrets, r.span, 'secrets');
    for (const r of s.configs) if (!configs.has(r.source)) undefinedRef(UNDEFINED_CONFIG, 'config', r.source, configs, r.span, 'configs');
    for (const d of s.dependsOn) {
      if (services.has(d.service)) continue;
      const profiles = disabled.get(d.service);
      if (profiles) {
        if (d.required) {
          problem(
            DISABLED_DEPENDENCY,
            `service ${s.name} depends on ${d.service}, which no active profile enables`,
            d.span,
            `Enable it with --profile ${profiles[0]}, or mark the dependency required: false.`,
          );
        }
        continue;
      }
      problem(UNDEFINED_SERVICE, `service ${s.name} depends on ${d.service}, which is not a service of the project${didYouMeanSuffix(d.service, services.keys())}`, d.span);
    }
    const shared = /^(service):(.+)$/.exec(s.networkMode ?? '');
    if (shared && !services.has(shared[2]!) && !disabled.has(shared[2]!)) {
      problem(UNDEFINED_SERVICE, `service ${s.name} shares the network of service ${shared[2]}, which is not a service of the project`, s.keys.network_mode ?? s.span);
    }
    checkMountTargets(s, problem);
    const replicas = s.deploy?.replicas ?? s.scale;
    if (s.containerName !== undefined && replicas !== undefined && replicas > 1) {
      problem(
        CONTAINER_NAME_REPLICAS,
        `service ${s.name} sets container_name but asks for ${replicas} replicas; container names must be unique`,
        s.keys.container_name ?? s.span,
        'Remove container_name, or run one replica.',
      );
    }
  }
  checkCycles(project.services, services, report);
}

type Problem = (code: string, message: string, at: Span, hint?: string, extra?: Partial<Diagnostic>) => void;

/**
 * The container path of a service's `secrets:` or `configs:` entry: the target as given (a relative secret
 * target is under /run/secrets, a relative config target under /), else `/run/secrets/<source>` or `/<source>`.
 */
export function fileReferenceTarget(kind: 'secret' | 'config', ref: FileReference): string {
  return posix.resolve(kind === 'secret' ? '/run/secrets' : '/', ref.target ?? ref.source);
}

/** A container path as the runtime compares it: `/a/./b/` is `/a/b`. */
function mountPoint(path: string): string {
  const normalized = posix.normalize(path);
  return normalized.length > 1 ? normalized.replace(/\/+$/, '') : normalized;
}

function checkMountTargets(s: Service, problem: Problem): void {
  const mounts: { target: string; at: Span }[] = [
    ...[...s.volumes, ...s.tmpfs].map((m) => ({ target: m.target, at: m.span })),
    ...s.secrets.map((r) => ({ target: fileReferenceTarget('secret', r), at: r.keys.target ?? r.span })),
    ...s.configs.map((r) => ({ target: fileReferenceTarget('config', r), at: r.keys.target ?? r.span })),
  ];
  const first = new Map<string, Span>();
  for (const m of mounts) {
    const point = mountPoint(m.target);
    const earlier = first.get(point);
    if (earlier) {
      problem(DUPLICATE_MOUNT_TARGET, `service ${s.name} mounts two things on ${m.target}`, m.at, 'Give each mount its own container path.', {
        related: [{ message: `the first mount on ${m.target}`, ...earlier }],
      });
    } else first.set(point, m.at);
  }
}

/** One diagnostic per dependency cycle, at the depends_on entry that closes it. */
function checkCycles(list: readonly Service[], services: ReadonlyMap<string, Service>, report: DiagnosticSink): void {
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const visit = (s: Service): void => {
    state.set(s.name, 'active');
    stack.push(s.name);
    for (const d of s.dependsOn) {
      const next = services.get(d.service);
      if (!next) continue;
      const st = state.get(next.name);
      if (st === 'active') {
        const loop = [...stack.slice(stack.indexOf(next.name)), next.name];
        report({
          code: DEPENDENCY_CYCLE,
          severity: 'error',
          message: `depends_on cycle: ${loop.join(' → ')}`,
          hint: 'Services cannot wait for each other; remove one of these dependencies.',
          ...d.span,
          object: { kind: 'ComposeService', name: s.name },
        });
      } else if (st === undefined) visit(next);
    }
    stack.pop();
    state.set(s.name, 'done');
  };
  for (const s of list) if (!state.has(s.name)) visit(s);
}
