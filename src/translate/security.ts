/**
 * user, read_only, privileged, cap_add, cap_drop and security_opt → the container's securityContext. A user or
 * group id Kubernetes does not accept (above 2^31 - 1) is an error at `user`, and the id is left out.
 */
import type { JsonObject, ServiceScope, TranslateContext } from './context.js';
import { checkedNumber, USER_ID } from './int-range.js';

/** `1000`, `1000:1000`, `root` → uid/gid; a user or group name (other than root) cannot be resolved here. */
export function parseUser(user: string): { uid?: number; gid?: number; unresolved?: string } {
  const [u = '', g] = user.split(':', 2);
  const id = (part: string): number | undefined => (/^\d+$/.test(part) ? Number(part) : part === 'root' ? 0 : undefined);
  const out: { uid?: number; gid?: number; unresolved?: string } = {};
  const uid = id(u);
  if (uid !== undefined) out.uid = uid;
  else out.unresolved = u;
  if (g !== undefined && g !== '') {
    const gid = id(g);
    if (gid !== undefined) out.gid = gid;
    else out.unresolved = out.unresolved ?? g;
  }
  return out;
}

/** `CAP_NET_ADMIN` → `NET_ADMIN` (Kubernetes names capabilities without the prefix). */
export function capabilityName(cap: string): string {
  return cap.trim().toUpperCase().replace(/^CAP_/, '');
}

export function translateSecurityContext(ctx: TranslateContext, scope: ServiceScope): JsonObject | undefined {
  const { service } = scope;
  const sc: JsonObject = {};
  if (service.user !== undefined) {
    const parsed = parseUser(service.user);
    const at = service.keys.user ?? service.span;
    const id = (field: string, value: number | undefined): number | undefined =>
      value === undefined ? undefined : checkedNumber(ctx, scope, { key: 'user', at, field, value, range: USER_ID });
    const uid = id('runAsUser', parsed.uid);
    const gid = id('runAsGroup', parsed.gid);
    if (uid !== undefined) sc.runAsUser = uid;
    if (gid !== undefined) sc.runAsGroup = gid;
    if (parsed.unresolved !== undefined) {
      ctx.warn('convert/user-name', service.keys.user ?? service.span, `user '${service.user}': Kubernetes needs numeric ids, and the name '${parsed.unresolved}' cannot be resolved without the image; it is dropped`, {
        object: scope.ref,
        hint: "write the numeric id (for example `user: \"999:999\"`)",
      });
    }
  }
  if (service.readOnly !== undefined) sc.readOnlyRootFilesystem = service.readOnly;
  if (service.privileged !== undefined) sc.privileged = service.privileged;
  const add = service.capAdd.map(capabilityName);
  const drop = service.capDrop.map(capabilityName);
  if (add.length > 0 || drop.length > 0) {
    const caps: JsonObject = {};
    if (add.length > 0) caps.add = [...new Set(add)];
    if (drop.length > 0) caps.drop = [...new Set(drop)];
    sc.capabilities = caps;
  }
  for (const opt of service.securityOpt) applySecurityOpt(ctx, scope, opt, sc);
  return Object.keys(sc).length > 0 ? sc : undefined;
}

function applySecurityOpt(ctx: TranslateContext, scope: ServiceScope, opt: string, sc: JsonObject): void {
  const at = scope.service.keys.security_opt ?? scope.service.span;
  const m = /^([a-z-]+)(?:[:=](.*))?$/.exec(opt.trim());
  const name = m?.[1];
  const value = m?.[2];
  if (name === 'no-new-privileges') {
    if (value === undefined || value === 'true') sc.allowPrivilegeEscalation = false;
    return;
  }
  if (name === 'seccomp' && value === 'unconfined') {
    sc.seccompProfile = { type: 'Unconfined' };
    return;
  }
  if (name === 'apparmor' && value !== undefined && value !== '') {
    sc.appArmorProfile = value === 'unconfined' ? { type: 'Unconfined' } : { type: 'Localhost', localhostProfile: value };
    return;
  }
  if (name === 'label' && value !== undefined) {
    const lm = /^(user|role|type|level):(.+)$/.exec(value);
    if (lm) {
      const selinux = (sc.seLinuxOptions as JsonObject | undefined) ?? {};
      selinux[lm[1]!] = lm[2]!;
      sc.seLinuxOptions = selinux;
      return;
    }
  }
  const reason =
    name === 'seccomp'
      ? 'a seccomp profile file must be installed on the nodes and referenced as a Localhost profile'
      : name === 'label'
        ? "'label:disable' has no Kubernetes equivalent"
        : 'it has no Kubernetes securityContext equivalent';
  ctx.warn('convert/dropped-key', at, `security_opt '${opt}' is dropped: ${reason}`, { object: scope.ref });
}
