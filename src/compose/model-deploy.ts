/**
 * The `deploy` section of a Compose service in the model (model.ts re-exports these types): replicas and mode,
 * resources, restart and update policies, placement. Same conventions as model.ts: every element keeps its
 * span and the spans of its keys.
 */
import type { Span } from '../source/span.js';
import type { ByteSize, Duration, KeyValue, RawValue, Sourced } from './model.js';

export interface Deploy extends Sourced {
  mode: 'replicated' | 'global' | 'replicated-job' | 'global-job';
  replicas?: number;
  labels: KeyValue[];
  resources?: Resources;
  restartPolicy?: DeployRestartPolicy;
  updateConfig?: UpdateConfig;
  rollbackConfig?: UpdateConfig;
  placement?: Placement;
  endpointMode?: 'vip' | 'dnsrr';
}

export interface Resources extends Sourced {
  limits?: ResourceAmounts;
  reservations?: ResourceAmounts & { devices: DeviceRequest[]; genericResources?: RawValue };
}

export interface ResourceAmounts extends Sourced {
  /** CPU cores (`"1.5"` → 1.5). */
  cpus?: number;
  memory?: ByteSize;
  pids?: number;
}

export interface DeviceRequest extends Sourced {
  capabilities: string[];
  driver?: string;
  count?: number | 'all';
  deviceIds: string[];
  options?: KeyValue[];
}

export interface DeployRestartPolicy extends Sourced {
  condition?: 'none' | 'on-failure' | 'any';
  delay?: Duration;
  maxAttempts?: number;
  window?: Duration;
}

export interface UpdateConfig extends Sourced {
  parallelism?: number;
  delay?: Duration;
  failureAction?: 'continue' | 'rollback' | 'pause';
  monitor?: Duration;
  maxFailureRatio?: number;
  order?: 'start-first' | 'stop-first';
}

export interface Placement extends Sourced {
  constraints: PlacementConstraint[];
  preferences: RawValue[];
  maxReplicasPerNode?: number;
}

export interface PlacementConstraint {
  /** `node.labels.zone`, `node.hostname`, `node.platform.os`, `node.role`, … */
  field: string;
  operator: '==' | '!=';
  value: string;
  span: Span;
}
