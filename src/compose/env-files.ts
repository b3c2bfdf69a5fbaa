/**
 * The variables of each service's `env_file` entries, read after normalization: parsed with the dotenv
 * syntax (or taken literally with `format: raw`), substituted from the project's variables and the
 * service's earlier env files, positioned in the env file. A missing required file is an error.
 * Label files (`label_file`, the same syntax) are read right after, by label-files.ts.
 */
import type { Service } from './model.js';
import { parseDotenv, type DotenvEntry } from './dotenv.js';
import type { LoaderContext } from './loader-context.js';
import { readNamedFile, type TextFile } from './read.js';
import { lookupIn, type Environment } from './variables.js';

export const MISSING_ENV_FILE = 'compose/missing-env-file';

export async function fillEnvFiles(services: readonly Service[], env: Environment, ctx: LoaderContext): Promise<void> {
  const texts = new Map<string, Promise<TextFile | 'missing' | undefined>>();
  /** Parsed entries of files read with no earlier env file of their service (the common case), by path and format. */
  const parsed = new Map<string, DotenvEntry[]>();
  const outside = lookupIn(env);
  for (const service of services) {
    const siblings = new Map<string, string>();
    const object = { kind: 'ComposeService', name: service.name };
    for (const file of service.envFiles) {
      if (file.format !== undefined && file.format !== 'raw') {
        ctx.report({
          code: 'compose/invalid-value',
          severity: 'error',
          message: `env file format '${file.format}' is not supported (only 'raw' is)`,
          object,
          ...(file.keys?.format ?? file.span),
        });
        continue;
      }
      let pending = texts.get(file.resolved);
      if (!pending) {
        pending = readNamedFile(file.resolved, { at: file.span, name: file.path }, ctx);
        texts.set(file.resolved, pending);
      }
      const text = await pending;
      if (text === 'missing') {
        if (file.required) {
          ctx.report({
            code: MISSING_ENV_FILE,
            severity: 'error',
            message: `env file ${file.path} does not exist`,
            hint: 'Create it, fix the path (relative paths start at the project directory), or mark it `required: false`.',
            object,
            ...file.span,
          });
        }
        continue;
      }
      if (!text) continue;
      const key = `${file.format ?? ''}\0${file.resolved}`;
      let entries = siblings.size === 0 ? parsed.get(key) : undefined;
      if (!entries) {
        entries = parseDotenv(file.resolved, text.lines, {
          lookup: (n) => outside(n) ?? siblings.get(n),
          report: ctx.report,
          ...(file.format === 'raw' ? { format: 'raw' as const } : {}),
        });
        if (siblings.size === 0) parsed.set(key, entries);
      }
      file.vars = entries.map((e) => ({ name: e.name, value: e.value, span: e.span }));
      for (const e of entries) siblings.set(e.name, e.value);
    }
  }
}
