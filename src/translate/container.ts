/**
 * A Compose service → its container: image, command/args, working_dir, ports (from the port plan), env in
 * Compose's precedence (env_file through envFrom, then `environment:` as env, which wins), resources, probes,
 * securityContext, stdin/tty, pull policy, lifecycle hooks; and what the service adds to its pod
 * (terminationGracePeriodSeconds, Compose labels/annotations as pod annotations).
 */
import type { Span } from '../source/span.js';
import { serviceAt, type PodContribution, type JsonObject, type ServiceScope, type TranslateContext } from './context.js';
import { commandLineOf } from './command-line.js';
import { escapeExpansion } from './expansion.js';
import { isKomposeLabel } from './kompose-labels.js';
import { isQualifiedName } from './labels.js';
import { terminationGracePeriodOf, translateLifecycle } from './lifecycle.js';
import { checkedNumber, USER_ID } from './int-range.js';
import { translateProbes } from './probes.js';
import { translateResources } from './resources.js';
import { translateSecurityContext } from './security.js';
import { HANDLER_COMMAND, IGNORE_POD_IP, reportAddressesAsWritten, rewriteStaticAddresses, staticAddressIndex, type CheckAsWritten } from './static-addresses.js';
import type { PortPlan } from './service.js';

export interface BuiltContainer {
  container: JsonObject;
  pod: PodContribution;
}

/**
 * `sources` are the contributions that carry container fields (envFrom, env, volumeMounts): the config
 * objects' and the volumes'.
 */
export function buildContainer(ctx: TranslateContext, scope: ServiceScope, ports: PortPlan, sources: readonly PodContribution[]): BuiltContainer {
  const { service } = scope;
  const addresses = staticAddressIndex(ctx);
  let serviceLinks = false;
  let externalAddresses = false;
  /** A literal for a field Kubernetes expands: escaped, then static addresses of services rewritten. */
  const expanded = (value: string, at: Span): string => {
    const rewrite = rewriteStaticAddresses(ctx, addresses, escapeExpansion(value), at, scope.ref);
    serviceLinks ||= rewrite.usesServiceLinks;
    externalAddresses ||= rewrite.externalAddresses;
    return rewrite.value;
  };
  /** A literal Kubernetes never expands (a probe's, a hook's command): addresses reported, text kept. */
  const asWritten: CheckAsWritten = (text, at, where) => {
    externalAddresses = reportAddressesAsWritten(ctx, addresses, text, at, scope.ref, where, HANDLER_COMMAND) || externalAddresses;
  };
  const container: JsonObject = { name: scope.name, image: imageOf(ctx, scope) };
  Object.assign(container, commandLineOf(ctx, scope, expanded));
  if (service.workingDir !== undefined) container.workingDir = service.workingDir;
  if (ports.containerPorts.length > 0) container.ports = ports.containerPorts;
  const envFrom = sources.flatMap((s) => s.envFrom ?? []);
  if (envFrom.length > 0) container.envFrom = envFrom;
  const env = environmentOf(ctx, scope, sources.flatMap((s) => s.env ?? []), expanded);
  if (env.length > 0) container.env = env;
  const resources = translateResources(ctx, scope);
  if (resources) container.resources = resources;
  const volumeMounts = sources.flatMap((s) => s.volumeMounts ?? []);
  if (volumeMounts.length > 0) container.volumeMounts = volumeMounts;
  Object.assign(container, translateProbes(ctx, scope, asWritten));
  const lifecycle = translateLifecycle(ctx, scope, asWritten);
  if (lifecycle) container.lifecycle = lifecycle;
  const pullPolicy = scope.settings.imagePullPolicy ?? pullPolicyOf(ctx, scope);
  if (pullPolicy !== undefined) container.imagePullPolicy = pullPolicy;
  const securityContext = translateSecurityContext(ctx, scope);
  if (securityContext) container.securityContext = securityContext;
  if (service.stdinOpen !== undefined) container.stdin = service.stdinOpen;
  if (service.tty !== undefined) container.tty = service.tty;

  const pod: PodContribution = {};
  const podSpec: JsonObject = {};
  const grace = terminationGracePeriodOf(ctx, scope);
  if (grace !== undefined) podSpec.terminationGracePeriodSeconds = grace;
  if (serviceLinks) podSpec.enableServiceLinks = true;
  if (service.init === true) podSpec.shareProcessNamespace = true;
  const groups = supplementalGroupsOf(ctx, scope);
  if (groups.length > 0) podSpec.securityContext = { supplementalGroups: groups };
  if (Object.keys(podSpec).length > 0) pod.podSpec = podSpec;
  const annotations = podAnnotationsOf(ctx, scope);
  if (Object.keys(annotations).length > 0) pod.podAnnotations = annotations;
  if (externalAddresses) pod.workloadAnnotations = { ...IGNORE_POD_IP };
  return { container, pod };
}

/**
 * The image. A build-only service gets the name `docker compose build` gives its image, `<project>-<service>`,
 * behind --image-prefix, with a warning that it must be pushed where the cluster can pull it.
 */
export function imageOf(ctx: TranslateContext, scope: ServiceScope): string {
  const { service } = scope;
  if (service.image !== undefined && service.image !== '') {
    if (service.build) {
      ctx.info('convert/build-and-image', service.keys.build ?? service.span, `the service is built locally and tagged '${service.image}': push that image to a registry the cluster can pull from`, { object: scope.ref });
    }
    return service.image;
  }
  const prefix = ctx.options.imagePrefix === undefined || ctx.options.imagePrefix === '' ? '' : ctx.options.imagePrefix.replace(/\/*$/, '/');
  const image = `${prefix}${ctx.project.name}-${service.name}`.toLowerCase();
  if (service.build) {
    ctx.warn('convert/build-only-image', service.keys.build ?? service.span, `the service has no image, only 'build': it runs image '${image}', which must be built and pushed to a registry the cluster can pull from`, {
      object: scope.ref,
      hint: prefix === '' ? 'give --image-prefix REGISTRY/ to name the image in your registry, or set `image:`' : 'build and push it before applying',
    });
  } else {
    ctx.error('convert/no-image', serviceAt(service), `service '${service.name}' has neither 'image' nor 'build'`, { object: scope.ref });
  }
  return image;
}

/** `env` entries: the parts' entries, then `environment:` (later entries of a name win; the first position is kept). */
function environmentOf(
  ctx: TranslateContext,
  scope: ServiceScope,
  partEntries: readonly JsonObject[],
  expanded: (value: string, at: Span) => string,
): JsonObject[] {
  const byName = new Map<string, JsonObject>();
  for (const entry of partEntries) {
    byName.set(String(entry.name), entry);
  }
  for (const v of scope.service.environment) {
    if (v.keyOnly && v.value !== undefined) {
      ctx.info('convert/env-from-shell', v.span, `'${v.name}' takes its value from the environment shipshape runs in; the manifest holds the value it had then`, { object: scope.ref });
    }
    if (v.value === undefined) {
      ctx.info('convert/unset-env', v.span, `'${v.name}' has no value and is not set in the environment: it is left unset, as Compose does`, { object: scope.ref });
      continue;
    }
    byName.set(v.name, { name: v.name, value: expanded(v.value, v.span) });
  }
  return [...byName.values()];
}

const PULL_POLICIES: Record<string, 'Always' | 'IfNotPresent' | 'Never'> = {
  always: 'Always',
  never: 'Never',
  missing: 'IfNotPresent',
  if_not_present: 'IfNotPresent',
};

function pullPolicyOf(ctx: TranslateContext, scope: ServiceScope): string | undefined {
  const policy = scope.service.pullPolicy;
  if (policy === undefined) return undefined;
  const at = scope.service.keys.pull_policy ?? scope.service.span;
  const mapped = PULL_POLICIES[policy];
  if (mapped) return mapped;
  if (policy === 'build') {
    ctx.warn('convert/pull-policy', at, "'pull_policy: build' builds the image locally; the cluster must pull it: IfNotPresent is used", { object: scope.ref });
    return 'IfNotPresent';
  }
  ctx.info('convert/pull-policy', at, `'pull_policy: ${policy}' (pull after a delay) has no Kubernetes equivalent: Always is used (a pull of an unchanged image only checks its digest)`, { object: scope.ref });
  return 'Always';
}

/** Compose `labels` and `annotations` → pod annotations (kompose.* labels are directives, not copied). */
function podAnnotationsOf(ctx: TranslateContext, scope: ServiceScope): Record<string, string> {
  const out: Record<string, string> = {};
  const directives = new Set(scope.service.labels.filter((kv) => isKomposeLabel(kv.key)));
  for (const kv of [...scope.service.labels, ...scope.service.annotations]) {
    if (directives.has(kv)) continue;
    if (!isQualifiedName(kv.key)) {
      ctx.warn('convert/invalid-annotation', kv.span, `'${kv.key}' is not a valid Kubernetes annotation key (an optional DNS prefix and '/', then at most 63 letters, digits, '-', '_', '.') and is dropped`, { object: scope.ref });
      continue;
    }
    out[kv.key] = kv.value;
  }
  return out;
}

/** `group_add` ids → pod supplementalGroups; group names cannot be resolved without the image. */
function supplementalGroupsOf(ctx: TranslateContext, scope: ServiceScope): number[] {
  const raw = scope.service.other.group_add;
  if (!raw) return [];
  const groups: number[] = [];
  const names: string[] = [];
  for (const g of Array.isArray(raw.value) ? raw.value : [raw.value]) {
    const text = String(g);
    if (!/^\d+$/.test(text)) names.push(text);
    else {
      const id = checkedNumber(ctx, scope, { key: 'group_add', at: scope.service.keys.group_add ?? raw.span, field: 'supplementalGroups', value: Number(text), range: USER_ID });
      if (id !== undefined) groups.push(id);
    }
  }
  if (names.length > 0) {
    ctx.warn('convert/dropped-key', scope.service.keys.group_add ?? raw.span, `group_add ${names.map((n) => `'${n}'`).join(', ')} dropped: Kubernetes needs numeric group ids`, { object: scope.ref });
  }
  return groups;
}
