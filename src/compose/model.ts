/**
 * The typed, neutral Compose model: what the loader produces and the converter consumes. No Kubernetes
 * types here. Short syntax is parsed once into these shapes; nothing downstream re-parses strings.
 *
 * Every element keeps where it came from: `span` is the element itself, and `keys` the span of every key
 * the source gave it (after merging, the span in the file that supplied the winning value). A consumer
 * that does not handle a key can therefore always name it, with its position: nothing is silent.
 */
import type { Span } from '../source/span.js';
import type { Deploy, DeviceRequest } from './model-deploy.js';

export type { Deploy, DeployRestartPolicy, DeviceRequest, Placement, PlacementConstraint, ResourceAmounts, Resources, UpdateConfig } from './model-deploy.js';

export interface Sourced {
  span: Span;
  /**
   * Span of each key present in the source mapping (empty for elements written in short syntax). Keys of a
   * nested option block that the element flattens are listed under a dotted path (`bind.propagation`,
   * `volume.nocopy`), so every key the source gave can still be named.
   */
  keys: Readonly<Record<string, Span>>;
  /** The element's own `x-*` keys, when its source mapping had any. */
  extensions?: Record<string, RawValue>;
}

/** A value from the source that the model does not type, kept as interpolated plain data. */
export interface RawValue {
  value: unknown;
  span: Span;
  /**
   * Kept only for a service's `x-shipshape` block (its consumer reports problems inside it): the span of every
   * nested value, and of its key when it is a mapping entry, by JSON Pointer relative to `value` (`''` is the
   * value itself, `/ingress/host`, `/imagePullSecrets/0`; `~` and `/` in keys escaped as `~0` and `~1`).
   */
  spans?: ReadonlyMap<string, NestedSpan>;
}

/** Where a nested part of a raw value is: its value, and its key when it is a mapping entry. */
export interface NestedSpan {
  value: Span;
  key?: Span;
}

/** Milliseconds. */
export type Duration = number;
/** Bytes. */
export type ByteSize = number;

export interface ComposeProject {
  /** Project name (`-p`, `COMPOSE_PROJECT_NAME`, top-level `name`, or the directory name), normalized. */
  name: string;
  /** Absolute directory relative paths resolve against (the first Compose file's directory). */
  workingDir: string;
  /** The Compose files loaded, in order, as the user named them. */
  files: string[];
  /** Services enabled by the active profiles, in source order. */
  services: Service[];
  volumes: VolumeDefinition[];
  networks: NetworkDefinition[];
  secrets: SecretDefinition[];
  configs: ConfigDefinition[];
  /** Top-level `x-*` keys. */
  extensions: Record<string, RawValue>;
  /** Other top-level keys of the specification the model does not type (`models`, …), as plain data. */
  other?: Record<string, RawValue>;
}

export interface Service extends Sourced {
  name: string;
  /** The service's key under `services:` (where findings about the service as a whole point). */
  nameSpan?: Span;
  image?: string;
  build?: BuildSpec;
  command?: CommandLine;
  entrypoint?: CommandLine;
  /** From `environment:` only, in source order; `value` undefined for a key-only entry with no value in the environment. */
  environment: EnvVar[];
  envFiles: EnvFile[];
  /** `label_file` entries in order; their labels are already in `labels` once the project is loaded. */
  labelFiles?: LabelFile[];
  ports: ServicePort[];
  expose: ExposedPort[];
  volumes: ServiceVolume[];
  /** `tmpfs:` entries (as mounts of type tmpfs). */
  tmpfs: TmpfsMount[];
  healthcheck?: Healthcheck;
  deploy?: Deploy;
  dependsOn: Dependency[];
  secrets: FileReference[];
  configs: FileReference[];
  networks: ServiceNetwork[];
  labels: KeyValue[];
  annotations: KeyValue[];
  restart?: RestartPolicy;
  /** `scale:` (deploy.replicas wins when both are set). */
  scale?: number;
  profiles: string[];

  containerName?: string;
  hostname?: string;
  domainname?: string;
  workingDir?: string;
  user?: string;
  readOnly?: boolean;
  privileged?: boolean;
  stdinOpen?: boolean;
  tty?: boolean;
  init?: boolean;
  stopSignal?: string;
  stopGracePeriod?: Duration;
  pullPolicy?: 'always' | 'never' | 'missing' | 'build' | 'if_not_present' | 'daily' | 'weekly' | string;
  platform?: string;
  capAdd: string[];
  capDrop: string[];
  securityOpt: string[];
  sysctls: KeyValue[];
  extraHosts: HostEntry[];
  dns: string[];
  dnsSearch: string[];
  dnsOpt: string[];
  /** `host`, `none`, `bridge`, `service:<name>`, `container:<name>`, or a network name. */
  networkMode?: string;
  pid?: string;
  ipc?: string;
  shmSize?: ByteSize;
  memLimit?: ByteSize;
  memReservation?: ByteSize;
  cpus?: number;
  ulimits: Ulimit[];
  logging?: RawValue;
  /** `gpus:` — `all`, or device requests (the same shape as `deploy.resources.reservations.devices`). */
  gpus?: 'all' | DeviceRequest[];
  /** Service-level `x-*` keys (including `x-shipshape`), uninterpreted. */
  extensions: Record<string, RawValue>;
  /** Every other key of the specification the model does not type (devices, cgroup, …), as plain data. */
  other: Record<string, RawValue>;
}

export interface KeyValue {
  key: string;
  value: string;
  span: Span;
}

export interface CommandLine {
  /** The argument vector (a string form is shell-split the way Compose does it). */
  argv: string[];
  /** How the source wrote it: a string (shell-split) or a list. */
  form: 'string' | 'list';
  span: Span;
}

export interface EnvVar {
  name: string;
  value: string | undefined;
  span: Span;
  /** Written without a value (`- KEY` or `KEY:`): the value, if any, was taken from the environment. */
  keyOnly?: boolean;
}

export interface EnvFile {
  /** As written, after interpolation. */
  path: string;
  /** Absolute. */
  resolved: string;
  required: boolean;
  format?: string;
  /** The variables read from the file, in file order, positioned in that file. Empty when missing. */
  vars: EnvVar[];
  span: Span;
  /** Span of each key of the long syntax (`path`, `required`, `format`); absent for the short syntax. */
  keys?: Readonly<Record<string, Span>>;
}

/** One `label_file` entry: `span` is the entry as written (missing or unreadable files are reported there). */
export interface LabelFile {
  /** As written, after interpolation. */
  path: string;
  /** Absolute. */
  resolved: string;
  span: Span;
}

export interface PortRange {
  start: number;
  /** Equal to start for a single port. */
  end: number;
}

export type Protocol = 'tcp' | 'udp' | 'sctp';

export interface ServicePort extends Sourced {
  /** The container port(s). */
  target: PortRange;
  /** The host port(s), when published. */
  published?: PortRange;
  hostIp?: string;
  protocol: Protocol;
  name?: string;
  appProtocol?: string;
  mode: 'ingress' | 'host';
  syntax: 'short' | 'long';
}

export interface ExposedPort {
  port: PortRange;
  protocol: Protocol;
  span: Span;
}

export type ServiceVolume = BindMount | VolumeMount | TmpfsMount | OtherMount;

interface MountBase extends Sourced {
  /** Path inside the container. */
  target: string;
  readOnly: boolean;
  syntax: 'short' | 'long';
  /** Long syntax `consistency` (macOS-only, ignored elsewhere). */
  consistency?: string;
}

export interface BindMount extends MountBase {
  type: 'bind';
  /** The host path as written (after interpolation). */
  source: string;
  /** Absolute host path (relative paths resolved against the project directory, `~` expanded). */
  resolved: string;
  /** docker compose creates a missing host path (short and long syntax) unless `bind.create_host_path: false`. */
  createHostPath: boolean;
  propagation?: string;
  selinux?: 'z' | 'Z';
  /** `bind.recursive`: `enabled`, `disabled`, `writable` or `readonly`. */
  recursive?: string;
}

export interface VolumeMount extends MountBase {
  type: 'volume';
  /** Named volume; undefined for an anonymous volume. */
  source?: string;
  nocopy: boolean;
  subpath?: string;
  /** `volume.labels`. */
  labels?: KeyValue[];
}

export interface TmpfsMount extends MountBase {
  type: 'tmpfs';
  size?: ByteSize;
  /** File mode bits. */
  mode?: number;
  /** Other mount options of a service-level `tmpfs:` entry, as written (`noexec`, `uid=1000`, …). */
  options?: string[];
}

export interface OtherMount extends MountBase {
  type: 'npipe' | 'cluster' | 'image';
  source?: string;
  /** `image.subpath`. */
  subpath?: string;
}

export type HealthTest =
  | { kind: 'exec'; argv: string[] }
  | { kind: 'shell'; command: string }
  /** `NONE`: disables a healthcheck the image defines. */
  | { kind: 'none' };

export interface Healthcheck extends Sourced {
  /** Undefined: inherit the image's test. */
  test?: HealthTest;
  interval?: Duration;
  timeout?: Duration;
  retries?: number;
  startPeriod?: Duration;
  startInterval?: Duration;
  /** `disable: true` or `test: NONE`. */
  disable: boolean;
}

export interface Dependency extends Sourced {
  service: string;
  condition: 'service_started' | 'service_healthy' | 'service_completed_successfully';
  restart: boolean;
  required: boolean;
}

export interface RestartPolicy {
  policy: 'no' | 'always' | 'on-failure' | 'unless-stopped';
  /** `on-failure:N`. */
  maxRetries?: number;
  span: Span;
}

/** A service's `secrets:` or `configs:` entry. */
export interface FileReference extends Sourced {
  source: string;
  /** As written; undefined means the default (`/run/secrets/<source>` for secrets, `/<source>` for configs). */
  target?: string;
  uid?: string;
  gid?: string;
  mode?: number;
}

export interface ServiceNetwork extends Sourced {
  name: string;
  aliases: string[];
  ipv4Address?: string;
  ipv6Address?: string;
  priority?: number;
  gwPriority?: number;
  interfaceName?: string;
  macAddress?: string;
  linkLocalIps?: string[];
  driverOpts?: KeyValue[];
}

export interface HostEntry {
  host: string;
  /** One or more addresses. */
  ips: string[];
  span: Span;
}

export interface Ulimit {
  name: string;
  soft: number;
  hard: number;
  span: Span;
}

export interface BuildSpec extends Sourced {
  /** Absolute directory (resolved against the project directory), or a URL (git repository, tarball) as written. */
  context: string;
  dockerfile?: string;
  args: EnvVar[];
  target?: string;
  /** The other `build` keys (cache_from, labels, secrets, …), as plain data. */
  other?: Record<string, RawValue>;
}

export interface VolumeDefinition extends Sourced {
  /** The key under `volumes:`. */
  key: string;
  /** `name:` (the actual volume name), defaults to `<project>_<key>`. */
  name?: string;
  external: boolean;
  driver?: string;
  driverOpts: KeyValue[];
  labels: KeyValue[];
  extensions: Record<string, RawValue>;
  /** Keys the model does not type, as plain data. */
  other?: Record<string, RawValue>;
}

export interface NetworkDefinition extends Sourced {
  key: string;
  name?: string;
  external: boolean;
  internal: boolean;
  driver?: string;
  extensions: Record<string, RawValue>;
  driverOpts?: KeyValue[];
  labels?: KeyValue[];
  /** The other keys (ipam, attachable, enable_ipv6, …), as plain data. */
  other?: Record<string, RawValue>;
}

/** Where a secret's or config's content comes from. */
export type ContentSource =
  | { type: 'file'; path: string; resolved: string }
  | { type: 'environment'; variable: string; /** The variable's value; never print it. */ value: string | undefined }
  | { type: 'content'; content: string }
  | { type: 'external'; name: string };

export interface SecretDefinition extends Sourced {
  key: string;
  name?: string;
  source: ContentSource;
  labels: KeyValue[];
  extensions: Record<string, RawValue>;
  /** Keys the model does not type (driver, driver_opts, template_driver), as plain data. */
  other?: Record<string, RawValue>;
}

export interface ConfigDefinition extends Sourced {
  key: string;
  name?: string;
  source: ContentSource;
  labels: KeyValue[];
  extensions: Record<string, RawValue>;
  /** Keys the model does not type (driver, driver_opts, template_driver), as plain data. */
  other?: Record<string, RawValue>;
}
