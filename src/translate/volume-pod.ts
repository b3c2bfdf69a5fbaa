/**
 * What the volume and config parts add to a pod, collected mount by mount: pod volumes (each name once), the
 * container's volumeMounts, envFrom and env entries, StatefulSet claim templates, the ReadWriteOnce claims the
 * pod mounts, and the pod spec fields and workload annotations those need.
 */
import type { JsonObject, PodContribution } from './context.js';

export interface MountOptions {
  readOnly?: boolean;
  subPath?: string;
}

export class PodVolumes {
  private readonly volumes = new Map<string, JsonObject>();
  private readonly mounts: JsonObject[] = [];
  private readonly templates = new Map<string, JsonObject>();
  private readonly claims: string[] = [];
  private readonly envFrom: JsonObject[] = [];
  private readonly env: JsonObject[] = [];
  private podSpec: JsonObject | undefined;
  private workloadAnnotations: Record<string, string> | undefined;

  /** Mount the pod volume `volume` (added once per name) at `mountPath`. */
  mount(volume: JsonObject, mountPath: string, options: MountOptions = {}): void {
    const name = String(volume.name);
    if (!this.volumes.has(name)) this.volumes.set(name, volume);
    this.mountByName(name, mountPath, options);
  }

  /** Mount a volume the pod gets elsewhere (a StatefulSet claim template). */
  mountByName(name: string, mountPath: string, options: MountOptions = {}): void {
    const m: JsonObject = { name, mountPath };
    if (options.subPath !== undefined && options.subPath !== '') m.subPath = options.subPath;
    if (options.readOnly) m.readOnly = true;
    this.mounts.push(m);
  }

  template(template: JsonObject, mountPath: string, options: MountOptions = {}): void {
    const name = String((template.metadata as JsonObject).name);
    if (!this.templates.has(name)) this.templates.set(name, template);
    this.mountByName(name, mountPath, options);
  }

  readWriteOnce(claim: string): void {
    if (!this.claims.includes(claim)) this.claims.push(claim);
  }

  addEnvFrom(entry: JsonObject): void {
    this.envFrom.push(entry);
  }

  addEnv(entry: JsonObject): void {
    this.env.push(entry);
  }

  addPodSpec(fields: JsonObject): void {
    this.podSpec = { ...this.podSpec, ...fields };
  }

  addWorkloadAnnotations(annotations: Readonly<Record<string, string>>): void {
    this.workloadAnnotations = { ...this.workloadAnnotations, ...annotations };
  }

  contribution(): PodContribution {
    const out: PodContribution = {};
    if (this.volumes.size > 0) out.volumes = [...this.volumes.values()];
    if (this.mounts.length > 0) out.volumeMounts = this.mounts;
    if (this.templates.size > 0) out.volumeClaimTemplates = [...this.templates.values()];
    if (this.claims.length > 0) out.readWriteOnceClaims = this.claims;
    if (this.envFrom.length > 0) out.envFrom = this.envFrom;
    if (this.env.length > 0) out.env = this.env;
    if (this.podSpec) out.podSpec = this.podSpec;
    if (this.workloadAnnotations) out.workloadAnnotations = this.workloadAnnotations;
    return out;
  }
}
