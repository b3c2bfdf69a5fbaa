/**
 * The registry of every Compose key the converter knows: which part handles it, or why it is dropped. Every key
 * a model element carries in its `keys` map is looked up here, so nothing is dropped silently: a dropped key is
 * reported with its position, the reason and how severe the loss is; a key missing from the tables is reported
 * as unknown. Parts report conditional losses themselves (a non-numeric `user`, `network_mode: none`, …).
 * docs/conversion.md documents the same tables (a test keeps them in step).
 */
import type { Sourced } from '../compose/model.js';
import type { ObjectRef } from '../diagnostics.js';
import type { TranslateContext } from './context.js';

export type KeyHandling =
  | { by: string }
  | { dropped: string; severity: 'warning' | 'info' };

const by = (part: string): KeyHandling => ({ by: part });
const lost = (reason: string): KeyHandling => ({ dropped: reason, severity: 'warning' });
const note = (reason: string): KeyHandling => ({ dropped: reason, severity: 'info' });

const CPU_TUNING = lost('CPU shares, quotas and sets come from the requests and limits; use cpus or deploy.resources');

/** Keys of a service. */
export const SERVICE_KEYS: Readonly<Record<string, KeyHandling>> = {
  annotations: by('container'),
  attach: note('log attachment is a docker compose up setting'),
  blkio_config: lost('Kubernetes has no block-IO limits'),
  build: by('container'),
  cap_add: by('security'),
  cap_drop: by('security'),
  cgroup: lost('the cgroup namespace is set by the container runtime'),
  cgroup_parent: lost('the parent cgroup is chosen by the kubelet'),
  command: by('container'),
  configs: by('config-objects'),
  container_name: note('pod names are generated; other services reach it by the service name'),
  cpu_count: CPU_TUNING,
  cpu_percent: CPU_TUNING,
  cpu_period: CPU_TUNING,
  cpu_quota: CPU_TUNING,
  cpu_rt_period: CPU_TUNING,
  cpu_rt_runtime: CPU_TUNING,
  cpu_shares: CPU_TUNING,
  cpus: by('resources'),
  cpuset: CPU_TUNING,
  credential_spec: lost('gMSA credential specs are Windows-only (securityContext.windowsOptions, not generated)'),
  depends_on: by('dependencies'),
  deploy: by('workload'),
  develop: note('watch/sync rules are for local development'),
  device_cgroup_rules: lost('device access needs a device plugin or a privileged container'),
  devices: lost('device access needs a device plugin or a privileged container'),
  dns: by('network'),
  dns_opt: by('network'),
  dns_search: by('network'),
  domainname: lost("a pod's domain comes from a headless Service (subdomain)"),
  entrypoint: by('container'),
  env_file: by('config-objects'),
  environment: by('container'),
  expose: by('service'),
  extends: by('loader'),
  external_links: lost('only services of the project become Services; reach external containers by DNS name'),
  extra_hosts: by('network'),
  gpus: by('resources'),
  group_add: by('container'),
  healthcheck: by('probes'),
  hostname: by('network'),
  image: by('container'),
  init: by('container'),
  ipc: by('network'),
  isolation: lost('isolation technology is a Windows container setting'),
  label_file: by('loader'),
  labels: by('container'),
  links: lost('services are reached by their names; link aliases are not created'),
  logging: note("the cluster's log collection applies"),
  mac_address: lost('pod MAC addresses are assigned by the network plugin'),
  mem_limit: by('resources'),
  mem_reservation: by('resources'),
  mem_swappiness: lost('swap is configured per node'),
  memswap_limit: lost('swap is configured per node'),
  models: lost('AI models are a Docker Model Runner feature'),
  network_mode: by('network'),
  networks: by('network'),
  oom_kill_disable: lost("the OOM behaviour follows the pod's QoS class"),
  oom_score_adj: lost("the OOM score follows the pod's QoS class"),
  pid: by('network'),
  pids_limit: lost('process limits are set per node (kubelet podPidsLimit)'),
  platform: by('network'),
  ports: by('service'),
  post_start: by('lifecycle'),
  pre_start: lost('Kubernetes has no pre-start hook; run the command in an init container with the same image'),
  pre_stop: by('lifecycle'),
  privileged: by('security'),
  profiles: by('loader'),
  provider: lost('provider services are run by docker compose itself'),
  pull_policy: by('container'),
  pull_refresh_after: note('the pull policy decides when images are pulled'),
  read_only: by('security'),
  restart: by('workload'),
  runtime: lost('choose a RuntimeClass (runtimeClassName) for the pod instead'),
  scale: by('workload'),
  secrets: by('config-objects'),
  security_opt: by('security'),
  shm_size: by('volumes'),
  stdin_open: by('container'),
  stop_grace_period: by('container'),
  stop_signal: lost("Kubernetes sends the image's STOPSIGNAL (default SIGTERM); set STOPSIGNAL in the Dockerfile"),
  storage_opt: lost('the container root filesystem size is not configurable (use ephemeral-storage limits)'),
  sysctls: by('network'),
  tmpfs: by('volumes'),
  tty: by('container'),
  ulimits: lost('Kubernetes has no per-container ulimits; they come from the container runtime'),
  use_api_socket: lost('the Docker API socket does not exist in a cluster'),
  user: by('security'),
  userns_mode: lost('user namespaces are chosen per pod (hostUsers)'),
  uts: lost('the UTS namespace is shared with the host only with hostNetwork'),
  volumes: by('volumes'),
  volumes_from: lost('share data by mounting the same named volume'),
  working_dir: by('container'),
  'x-shipshape': by('extensions'),
};

export const DEPLOY_KEYS: Readonly<Record<string, KeyHandling>> = {
  endpoint_mode: by('service'),
  labels: by('workload'),
  mode: by('workload'),
  placement: by('network'),
  replicas: by('workload'),
  resources: by('resources'),
  restart_policy: by('workload'),
  rollback_config: lost('Kubernetes does not roll back on its own; use `kubectl rollout undo`'),
  update_config: by('workload'),
};

export const RESOURCES_KEYS: Readonly<Record<string, KeyHandling>> = { limits: by('resources'), reservations: by('resources') };

export const RESOURCE_LIMIT_KEYS: Readonly<Record<string, KeyHandling>> = {
  cpus: by('resources'),
  memory: by('resources'),
  pids: lost('process limits are set per node (kubelet podPidsLimit)'),
};

export const RESOURCE_RESERVATION_KEYS: Readonly<Record<string, KeyHandling>> = {
  cpus: by('resources'),
  devices: by('resources'),
  generic_resources: lost('Swarm generic resources have no equivalent; request extended resources instead'),
  memory: by('resources'),
};

export const DEVICE_KEYS: Readonly<Record<string, KeyHandling>> = {
  capabilities: by('resources'),
  count: by('resources'),
  device_ids: by('resources'),
  driver: by('resources'),
  options: lost('device driver options are set by the device plugin'),
};

export const RESTART_POLICY_KEYS: Readonly<Record<string, KeyHandling>> = {
  condition: by('workload'),
  delay: note('Kubernetes restarts with an exponential back-off'),
  max_attempts: by('workload'),
  window: note('Kubernetes restarts with an exponential back-off'),
};

export const UPDATE_CONFIG_KEYS: Readonly<Record<string, KeyHandling>> = {
  delay: note('Kubernetes goes on as soon as new pods are ready (see minReadySeconds)'),
  failure_action: lost('a failed rollout stops after progressDeadlineSeconds; roll back with `kubectl rollout undo`'),
  max_failure_ratio: note('Kubernetes has no failure ratio; a rollout stops on the first pods that do not become ready'),
  monitor: by('workload'),
  order: by('workload'),
  parallelism: by('workload'),
};

export const PLACEMENT_KEYS: Readonly<Record<string, KeyHandling>> = {
  constraints: by('network'),
  max_replicas_per_node: lost('use pod anti-affinity or topologySpreadConstraints'),
  preferences: lost('use topologySpreadConstraints'),
};

export const HEALTHCHECK_KEYS: Readonly<Record<string, KeyHandling>> = {
  disable: by('probes'),
  interval: by('probes'),
  retries: by('probes'),
  start_interval: by('probes'),
  start_period: by('probes'),
  test: by('probes'),
  timeout: by('probes'),
};

export const PORT_KEYS: Readonly<Record<string, KeyHandling>> = {
  app_protocol: by('service'),
  host_ip: by('service'),
  mode: by('service'),
  name: by('service'),
  protocol: by('service'),
  published: by('service'),
  target: by('service'),
};

export const DEPENDENCY_KEYS: Readonly<Record<string, KeyHandling>> = {
  condition: by('dependencies'),
  required: by('dependencies'),
  restart: note('Kubernetes does not restart dependants when a dependency restarts'),
};

export const SERVICE_NETWORK_KEYS: Readonly<Record<string, KeyHandling>> = {
  aliases: by('network'),
  driver_opts: note('all pods share the cluster network'),
  gw_priority: note('all pods share the cluster network'),
  interface_name: note('a pod has one network interface'),
  ipv4_address: by('network'),
  ipv6_address: by('network'),
  link_local_ips: lost('pod addresses are assigned by the network plugin'),
  mac_address: lost('pod MAC addresses are assigned by the network plugin'),
  priority: note('a pod has one network interface'),
};

/** Top-level keys the model keeps untyped (`ComposeProject.other`). */
export const TOP_LEVEL_REASONS: Readonly<Record<string, string>> = {
  models: 'AI models are a Docker Model Runner feature',
};

/** Report the keys of `element` that no part handles. `where` names the element in messages (`deploy.update_config`). */
export function reportKeys(ctx: TranslateContext, object: ObjectRef, element: Sourced | undefined, table: Readonly<Record<string, KeyHandling>>, where: string): void {
  if (!element) return;
  for (const [key, span] of Object.entries(element.keys)) {
    const handling = table[key];
    const name = where === '' ? key : `${where}.${key}`;
    if (handling === undefined) {
      if (key.startsWith('x-')) {
        ctx.info('convert/dropped-key', span, `extension '${key}' is not read by shipshape`, { object });
      } else {
        ctx.warn('convert/unknown-key', span, `'${name}' is not converted: shipshape does not know this key`, { object });
      }
      continue;
    }
    if ('dropped' in handling) ctx.report(handling.severity, 'convert/dropped-key', span, `'${name}' is dropped: ${handling.dropped}`, { object });
  }
}

/** Every service's keys, and those of the elements the core parts own (mounts, secrets and configs are F2's). */
export function reportUnhandledKeys(ctx: TranslateContext): void {
  for (const service of ctx.project.services) {
    const scope: ObjectRef = { kind: 'ComposeService', name: service.name };
    reportKeys(ctx, scope, service, SERVICE_KEYS, '');
    const deploy = service.deploy;
    reportKeys(ctx, scope, deploy, DEPLOY_KEYS, 'deploy');
    reportKeys(ctx, scope, deploy?.resources, RESOURCES_KEYS, 'deploy.resources');
    reportKeys(ctx, scope, deploy?.resources?.limits, RESOURCE_LIMIT_KEYS, 'deploy.resources.limits');
    reportKeys(ctx, scope, deploy?.resources?.reservations, RESOURCE_RESERVATION_KEYS, 'deploy.resources.reservations');
    for (const device of deploy?.resources?.reservations?.devices ?? []) reportKeys(ctx, scope, device, DEVICE_KEYS, 'deploy.resources.reservations.devices[]');
    reportKeys(ctx, scope, deploy?.restartPolicy, RESTART_POLICY_KEYS, 'deploy.restart_policy');
    reportKeys(ctx, scope, deploy?.updateConfig, UPDATE_CONFIG_KEYS, 'deploy.update_config');
    reportKeys(ctx, scope, deploy?.placement, PLACEMENT_KEYS, 'deploy.placement');
    reportKeys(ctx, scope, service.healthcheck, HEALTHCHECK_KEYS, 'healthcheck');
    for (const port of service.ports) reportKeys(ctx, scope, port, PORT_KEYS, 'ports[]');
    for (const dep of service.dependsOn) reportKeys(ctx, scope, dep, DEPENDENCY_KEYS, `depends_on.${dep.service}`);
    for (const network of service.networks) reportKeys(ctx, scope, network, SERVICE_NETWORK_KEYS, `networks.${network.name}`);
  }
  for (const [key, raw] of Object.entries(ctx.project.other ?? {})) {
    ctx.warn('convert/dropped-key', raw.span, `top-level '${key}' is not converted: ${TOP_LEVEL_REASONS[key] ?? 'shipshape does not know this key'}`);
  }
  for (const network of ctx.project.networks) {
    ctx.info('convert/dropped-network', network.span, `network '${network.key}' is not converted: all pods share the cluster network (isolation would need NetworkPolicies)`);
  }
}
