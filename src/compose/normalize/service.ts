/**
 * One service: every key of the specification is either read into the typed model (one reader per key
 * family, in this table), kept as raw data in `other`, or, for `x-*` keys, in `extensions`. Nothing is lost.
 */
import type { Service } from '../model.js';
import { closestName } from '../../text/edit-distance.js';
import type { Located, LocatedMap } from '../../source/located.js';
import type { Span } from '../../source/span.js';
import { report, within, type Scope } from './context.js';
import { fieldName, readBoolean, readInteger, readString, readStringList, readStringOrList } from './scalars.js';
import { asMap, isExtensionKey, isNull, keysOf, raw, rawWithSpans } from './shapes.js';
import { readBuild } from './build.js';
import { readByteSize } from './bytes.js';
import { readCommandLine } from './command.js';
import { readCpus } from './cpus.js';
import { readDependsOn } from './depends-on.js';
import { readDeploy } from './deploy.js';
import { readDuration } from './durations.js';
import { readEnvFiles } from './env-file.js';
import { readEnvironment } from './environment.js';
import { readExpose } from './expose.js';
import { readExtraHosts } from './extra-hosts.js';
import { readFileReferences } from './file-references.js';
import { readHealthcheck } from './healthcheck.js';
import { readKeyValues } from './key-values.js';
import { readLabelFiles } from './label-file.js';
import { readServiceNetworks } from './networks.js';
import { readPorts } from './ports.js';
import { readDevice } from './resources.js';
import { readRestart } from './restart.js';
import { readUlimits } from './ulimits.js';
import { readServiceVolumes, readTmpfs } from './volumes.js';

type Reader = (service: Service, node: Located, scope: Scope) => void;

/** Set `field` from a reader's result when it gave one. */
function into<K extends keyof Service>(field: K, read: (node: Located, scope: Scope) => Service[K] | undefined): Reader {
  return (service, node, scope) => {
    const value = read(node, scope);
    if (value !== undefined) service[field] = value;
  };
}

const PULL_POLICY = /^(always|never|missing|build|if_not_present|daily|weekly|every_.+|refresh)$/;

const READERS: Record<string, Reader> = {
  image: into('image', readString),
  build: into('build', readBuild),
  command: into('command', readCommandLine),
  entrypoint: into('entrypoint', readCommandLine),
  environment: into('environment', readEnvironment),
  env_file: into('envFiles', readEnvFiles),
  ports: into('ports', readPorts),
  expose: into('expose', readExpose),
  volumes: into('volumes', readServiceVolumes),
  tmpfs: into('tmpfs', readTmpfs),
  healthcheck: into('healthcheck', readHealthcheck),
  deploy: into('deploy', readDeploy),
  depends_on: into('dependsOn', readDependsOn),
  secrets: into('secrets', readFileReferences),
  configs: into('configs', readFileReferences),
  networks: into('networks', readServiceNetworks),
  labels: into('labels', readKeyValues),
  label_file: into('labelFiles', readLabelFiles),
  annotations: into('annotations', readKeyValues),
  restart: into('restart', readRestart),
  scale: into('scale', (node, scope) => readInteger(node, scope, { min: 0 })),
  profiles: into('profiles', readStringList),
  container_name: into('containerName', readString),
  hostname: into('hostname', readString),
  domainname: into('domainname', readString),
  working_dir: into('workingDir', readString),
  user: into('user', readString),
  read_only: into('readOnly', readBoolean),
  privileged: into('privileged', readBoolean),
  stdin_open: into('stdinOpen', readBoolean),
  tty: into('tty', readBoolean),
  init: into('init', readBoolean),
  stop_signal: into('stopSignal', readString),
  stop_grace_period: into('stopGracePeriod', readDuration),
  pull_policy: into('pullPolicy', readPullPolicy),
  platform: into('platform', readString),
  cap_add: into('capAdd', readStringList),
  cap_drop: into('capDrop', readStringList),
  security_opt: into('securityOpt', readStringList),
  sysctls: into('sysctls', readKeyValues),
  extra_hosts: into('extraHosts', readExtraHosts),
  dns: into('dns', readStringOrList),
  dns_search: into('dnsSearch', readStringOrList),
  dns_opt: into('dnsOpt', readStringList),
  network_mode: into('networkMode', readString),
  pid: into('pid', readString),
  ipc: into('ipc', readString),
  shm_size: into('shmSize', readByteSize),
  mem_limit: into('memLimit', readByteSize),
  mem_reservation: into('memReservation', readByteSize),
  cpus: into('cpus', readCpus),
  ulimits: into('ulimits', readUlimits),
  logging: into('logging', (node) => raw(node)),
  gpus: into('gpus', readGpus),
};

/** The service extension whose nested spans are kept: the converter reports problems inside it. */
const SPANNED_EXTENSION = 'x-shipshape';

/** Keys already applied by the loader: not part of the resolved service. */
const RESOLVED = new Set(['extends']);

/** The service keys the model types (the others land in `other`). */
export const TYPED_SERVICE_KEYS: readonly string[] = Object.keys(READERS);

export function readService(name: string, node: Located, nameSpan: Span, scope: Scope): Service | undefined {
  const map: LocatedMap | undefined = isNull(node) ? undefined : asMap(node, scope);
  if (!map && !isNull(node)) return undefined;
  const service = emptyService(name, map?.span ?? nameSpan, map ? keysOf(map) : {});
  service.nameSpan = nameSpan;
  for (const e of map?.entries ?? []) {
    const s = within(scope, e.key);
    const reader = READERS[e.key];
    if (reader) reader(service, e.value, s);
    else if (isExtensionKey(e.key)) service.extensions[e.key] = e.key === SPANNED_EXTENSION ? rawWithSpans(e.value) : raw(e.value);
    else if (!RESOLVED.has(e.key)) service.other[e.key] = raw(e.value);
  }
  const extendsFailed = map?.entries.some((e) => e.key === 'extends') ?? false;
  // `imgae:` is already an unknown key with "did you mean 'image'?": no second error for the same slip.
  const misspelt = map?.entries.some((e) => !READERS[e.key] && closestName(e.key, ['image', 'build']) !== undefined) ?? false;
  if (service.image === undefined && service.build === undefined && service.other.provider === undefined && !extendsFailed && !misspelt) {
    report(scope, nameSpan, {
      message: `service ${JSON.stringify(name)} has neither an image nor a build context`,
      hint: 'Add image: (an image to run) or build: (a directory with a Dockerfile).',
    });
  }
  return service;
}

/** `gpus: all`, or a list of device requests like `deploy.resources.reservations.devices`. */
function readGpus(node: Located, scope: Scope): Service['gpus'] {
  if (node.kind === 'scalar' && node.value === 'all') return 'all';
  if (node.kind !== 'seq') {
    report(scope, node.span, { message: `${fieldName(scope)} must be "all" or a list of device requests` });
    return undefined;
  }
  return node.items.flatMap((item, i) => readDevice(item, within(scope, i)) ?? []);
}

function readPullPolicy(node: Located, scope: Scope): string | undefined {
  const v = readString(node, scope);
  if (v === undefined || PULL_POLICY.test(v)) return v;
  report(scope, node.span, {
    message: `${fieldName(scope)} must be always, never, missing, build, daily, weekly or every_<duration>, not ${JSON.stringify(v)}`,
  });
  return undefined;
}

export function emptyService(name: string, span: Span, keys: Record<string, Span>): Service {
  return {
    name,
    span,
    keys,
    environment: [],
    envFiles: [],
    ports: [],
    expose: [],
    volumes: [],
    tmpfs: [],
    dependsOn: [],
    secrets: [],
    configs: [],
    networks: [],
    labels: [],
    annotations: [],
    profiles: [],
    capAdd: [],
    capDrop: [],
    securityOpt: [],
    sysctls: [],
    extraHosts: [],
    dns: [],
    dnsSearch: [],
    dnsOpt: [],
    ulimits: [],
    extensions: {},
    other: {},
  };
}
