/**
 * env_file → one ConfigMap per service (`<service>-env`) holding the variables of its env files in order (a
 * later file wins, as in Compose) and `envFrom` on the container: the service's `environment:` still wins,
 * since the core writes it as `env`, which Kubernetes applies over envFrom. A `required: false` file that is
 * missing adds nothing (the loader read the files; a missing required one is the loader's error). An env
 * file outside the project directory is an error unless --allow-outside-project, and none of its variables
 * are written. A variable that holds the static address of a project service goes into `env` instead, where
 * the address is rewritten as in `environment:` (static-addresses.ts). Secrets and configs: config-files.ts.
 *
 * Contract used by index.ts:
 *   translateProjectConfigObjects(ctx): once per run, before any service: the Secret/ConfigMap objects of the
 *     top-level `secrets:`/`configs:` that services use (ctx.emit).
 *   translateServiceConfigObjects(ctx, scope): once per service: the env_file ConfigMap (ctx.emit) and the
 *     pod volumes, volumeMounts and envFrom entries.
 *   Handles the service keys `env_file`, `secrets`, `configs` and the top-level `secrets`, `configs`.
 *   Secret values must never appear in diagnostics.
 */
import type { EnvVar } from '../compose/model.js';
import type { KubeObject, PodContribution, ServiceScope, TranslateContext } from './context.js';
import { isConfigKey } from './config-data.js';
import { mountReferences, translateDefinitions } from './config-files.js';
import { selectorLabels } from './labels.js';
import { isInProject, locate, refuse } from './project-files.js';
import { escapeExpansion } from './expansion.js';
import { IGNORE_POD_IP, mentionsStaticAddress, reportExternalAddresses, rewriteStaticAddresses, staticAddressIndex } from './static-addresses.js';
import { volumeNamesOf } from './volume-names.js';
import { PodVolumes } from './volume-pod.js';

export async function translateProjectConfigObjects(ctx: TranslateContext): Promise<void> {
  await translateDefinitions(ctx, 'secret');
  await translateDefinitions(ctx, 'config');
}

export async function translateServiceConfigObjects(ctx: TranslateContext, scope: ServiceScope): Promise<PodContribution> {
  const pod = new PodVolumes();
  await envFileConfigMap(ctx, scope, pod);
  mountReferences(ctx, scope, 'secret', pod);
  mountReferences(ctx, scope, 'config', pod);
  return pod.contribution();
}

async function envFileConfigMap(ctx: TranslateContext, scope: ServiceScope, pod: PodVolumes): Promise<void> {
  const vars = new Map<string, EnvVar & { value: string }>();
  for (const file of scope.service.envFiles) {
    if (file.vars.length === 0) continue;
    if (!ctx.options.allowOutsideProject) {
      if (!isInProject(ctx, file.resolved)) {
        refuse(ctx, file.span, `the env_file ${file.path} is outside the project directory`, { object: scope.ref });
        continue;
      }
      if ((await locate(ctx, file.resolved, file.span, `the env_file ${file.path}`, { object: scope.ref })).kind === 'refused') continue;
    }
    for (const v of file.vars) if (v.value !== undefined) vars.set(v.name, { ...v, value: v.value });
  }
  if (vars.size === 0) return;
  const data: Record<string, string> = {};
  const index = staticAddressIndex(ctx);
  let external = false;
  for (const v of vars.values()) {
    if (mentionsStaticAddress(index, v.value)) {
      envEntry(ctx, scope, v, pod);
      continue;
    }
    if (!isConfigKey(v.name)) {
      ctx.warn('convert/invalid-env-name', v.span, `'${v.name}' cannot be a ConfigMap key (letters, digits, '-', '_', '.'): the variable is dropped`, { object: scope.ref });
      continue;
    }
    data[v.name] = v.value;
    external = reportExternalAddresses(ctx, index, v.value, v.span, scope.ref, `'${v.name}'`) || external;
  }
  if (Object.keys(data).length === 0) return;
  const name = volumeNamesOf(scope).name('env');
  const metadata: KubeObject['metadata'] = { name, labels: selectorLabels(ctx.project.name, scope.name) };
  if (external) metadata.annotations = { ...IGNORE_POD_IP };
  ctx.emit({ apiVersion: 'v1', kind: 'ConfigMap', metadata, data }, scope.service.keys.env_file ?? scope.service.span);
  pod.addEnvFrom({ configMapRef: { name } });
}

/**
 * A variable that holds a static address of a service cannot stay in the ConfigMap (envFrom values are not
 * expanded): it becomes an `env` entry, rewritten as `environment:` values are (static-addresses.ts).
 */
function envEntry(ctx: TranslateContext, scope: ServiceScope, v: EnvVar & { value: string }, pod: PodVolumes): void {
  const rewrite = rewriteStaticAddresses(ctx, staticAddressIndex(ctx), escapeExpansion(v.value), v.span, scope.ref);
  pod.addEnv({ name: v.name, value: rewrite.value });
  if (rewrite.usesServiceLinks) pod.addPodSpec({ enableServiceLinks: true });
  if (rewrite.externalAddresses) pod.addWorkloadAnnotations(IGNORE_POD_IP);
}
