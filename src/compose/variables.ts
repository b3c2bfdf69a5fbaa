/**
 * The variables a project is interpolated with: the process environment, then the project's `.env` (or
 * the `--env-file` files, later files overriding earlier ones). The process environment always wins.
 */
import { parseDotenv } from './dotenv.js';
import type { VariableLookup } from './interpolate.js';
import type { LoaderContext, Origin } from './loader-context.js';
import { readText } from './read.js';

export type Environment = Readonly<Record<string, string | undefined>>;

export interface VariableFile {
  /** Absolute path. */
  path: string;
  /** A missing optional file (the default `.env`) is not a problem. */
  required: boolean;
  /** Where the file is named (an `include` entry), for problems. */
  origin?: Origin;
}

/**
 * The variables of env files, in order (a later file overrides an earlier one). Values may refer to
 * `outside` variables and to earlier entries.
 */
export async function readVariableFiles(files: readonly VariableFile[], outside: Environment, ctx: LoaderContext): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  const fromOutside = lookupIn(outside);
  for (const f of files) {
    if (!f.required) {
      const stat = await ctx.host.stat(f.path);
      if (stat?.kind !== 'file') continue;
    }
    // The project's own `.env` (not named by the user) and files an `include` names stay inside the project.
    const text = await readText({ kind: 'file', path: f.path }, ctx, f.origin, { confined: !f.required || f.origin !== undefined });
    if (!text) continue;
    const entries = parseDotenv(f.path, text.lines, { lookup: (n) => fromOutside(n) ?? values.get(n), report: ctx.report });
    for (const e of entries) values.set(e.name, e.value);
  }
  return values;
}

/** An environment with `extra` variables added where `base` does not set them. */
export function withDefaults(base: Environment, extra: ReadonlyMap<string, string>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = Object.create(null);
  for (const [k, v] of extra) out[k] = v;
  for (const k of Object.keys(base)) if (base[k] !== undefined) out[k] = base[k];
  return out;
}

export function lookupIn(env: Environment): VariableLookup {
  return (name) => (Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined);
}
