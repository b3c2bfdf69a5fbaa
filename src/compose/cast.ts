/**
 * Typed fields whose string values docker compose converts after interpolation (`replicas: "${N}"` → 3,
 * `privileged: "yes"` → true), so that the schema and the normalizers see the real type.
 */
import type { FieldPath } from '../diagnostics.js';

export type CastKind = 'integer' | 'number' | 'boolean';

/** `*` matches any one key or list index. */
const TYPED: readonly (readonly [string, CastKind])[] = [
  ['services.*.cpu_count', 'integer'],
  ['services.*.cpu_percent', 'number'],
  ['services.*.cpu_period', 'integer'],
  ['services.*.cpu_quota', 'integer'],
  ['services.*.cpu_rt_period', 'integer'],
  ['services.*.cpu_rt_runtime', 'integer'],
  ['services.*.cpus', 'number'],
  ['services.*.cpu_shares', 'integer'],
  ['services.*.init', 'boolean'],
  ['services.*.depends_on.*.required', 'boolean'],
  ['services.*.depends_on.*.restart', 'boolean'],
  ['services.*.deploy.replicas', 'integer'],
  ['services.*.deploy.update_config.parallelism', 'integer'],
  ['services.*.deploy.update_config.max_failure_ratio', 'number'],
  ['services.*.deploy.rollback_config.parallelism', 'integer'],
  ['services.*.deploy.rollback_config.max_failure_ratio', 'number'],
  ['services.*.deploy.restart_policy.max_attempts', 'integer'],
  ['services.*.deploy.placement.max_replicas_per_node', 'integer'],
  ['services.*.healthcheck.retries', 'integer'],
  ['services.*.healthcheck.disable', 'boolean'],
  ['services.*.oom_kill_disable', 'boolean'],
  ['services.*.oom_score_adj', 'integer'],
  ['services.*.pids_limit', 'integer'],
  ['services.*.ports.*.target', 'integer'],
  ['services.*.privileged', 'boolean'],
  ['services.*.read_only', 'boolean'],
  ['services.*.scale', 'integer'],
  ['services.*.stdin_open', 'boolean'],
  ['services.*.tty', 'boolean'],
  ['services.*.ulimits.*', 'integer'],
  ['services.*.ulimits.*.hard', 'integer'],
  ['services.*.ulimits.*.soft', 'integer'],
  ['services.*.volumes.*.read_only', 'boolean'],
  ['services.*.volumes.*.volume.nocopy', 'boolean'],
  ['services.*.volumes.*.bind.create_host_path', 'boolean'],
  ['networks.*.external', 'boolean'],
  ['networks.*.internal', 'boolean'],
  ['networks.*.attachable', 'boolean'],
  ['networks.*.enable_ipv4', 'boolean'],
  ['networks.*.enable_ipv6', 'boolean'],
  ['volumes.*.external', 'boolean'],
  ['secrets.*.external', 'boolean'],
  ['configs.*.external', 'boolean'],
];

interface TrieNode {
  cast?: CastKind;
  children: Map<string, TrieNode>;
}

const trie: TrieNode = { children: new Map() };
for (const [pattern, kind] of TYPED) {
  let node = trie;
  for (const part of pattern.split('.')) {
    let child = node.children.get(part);
    if (!child) node.children.set(part, (child = { children: new Map() }));
    node = child;
  }
  node.cast = kind;
}

/** A position in the table of typed fields, followed key by key down a tree. */
export class CastCursor {
  private constructor(private readonly nodes: readonly TrieNode[]) {}

  static readonly root = new CastCursor([trie]);

  /** The type a string here is converted to, if any. */
  get cast(): CastKind | undefined {
    return this.nodes.find((n) => n.cast)?.cast;
  }

  /** The cursor of a child key or list index; undefined when no typed field lies below it. */
  child(part: string | number): CastCursor | undefined {
    const next: TrieNode[] = [];
    for (const n of this.nodes) {
      const exact = n.children.get(String(part));
      if (exact) next.push(exact);
      const any = n.children.get('*');
      if (any) next.push(any);
    }
    return next.length === 0 ? undefined : new CastCursor(next);
  }
}

/** The type a string at `path` is converted to, if any. */
export function castKindAt(path: FieldPath): CastKind | undefined {
  let cursor: CastCursor | undefined = CastCursor.root;
  for (const part of path) cursor = cursor?.child(part);
  return cursor?.cast;
}

export type CastResult = { ok: true; value: number | boolean } | { ok: false; expected: string };

const INTEGER = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const TRUE = new Set(['y', 'yes', 'true', 'on']);
const FALSE = new Set(['n', 'no', 'false', 'off']);

export function castString(text: string, kind: CastKind): CastResult {
  const t = text;
  switch (kind) {
    case 'integer': {
      const n = Number(t);
      return INTEGER.test(t) && Number.isSafeInteger(n) ? { ok: true, value: n } : { ok: false, expected: 'an integer' };
    }
    case 'number':
      return FLOAT.test(t) ? { ok: true, value: Number(t) } : { ok: false, expected: 'a number' };
    case 'boolean': {
      const lower = t.toLowerCase();
      if (TRUE.has(lower)) return { ok: true, value: true };
      if (FALSE.has(lower)) return { ok: true, value: false };
      return { ok: false, expected: 'a boolean (true or false)' };
    }
  }
}
