/**
 * The variables of each service's `env_file` entries, read after normalization: parsed with the dotenv
 * syntax (or taken literally with `format: raw`), substituted from the project's variables and the
 * service's earlier env files, positioned in the env file. A missing required file is an error.
 */
import type { Service } from './model.js';
import { parseDotenv } from './dotenv.js';
import type { LoaderContext } from './loader-context.js';
import { readText, type TextFile } from './read.js';
import { lookupIn, type Environment } from './variables.js';

export const MISSING_ENV_FILE = 'compose/missing-env-file';

export async function fillEnvFiles(services: readonly Service[], env: Environment, ctx: LoaderContext): Promise<void> {
  const texts = new Map<string, Promise<TextFile | undefined>>();
  const outside = lookupIn(env);
  for (const service of services) {
    const siblings = new Map<string, string>();
    const object = { kind: 'ComposeService', name: service.name };
    for (const file of service.envFiles) {
      const stat = await ctx.host.stat(file.resolved);
      if (stat === undefined) {
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
        pending = readText({ kind: 'file', path: file.resolved }, ctx, { at: file.span, name: file.path });
        texts.set(file.resolved, pending);
      }
      const text = await pending;
      if (!text) continue;
      const entries = parseDotenv(file.resolved, text.lines, {
        lookup: (n) => outside(n) ?? siblings.get(n),
        report: ctx.report,
        ...(file.format === 'raw' ? { format: 'raw' as const } : {}),
      });
      file.vars = entries.map((e) => ({ name: e.name, value: e.value, span: e.span }));
      for (const e of entries) siblings.set(e.name, e.value);
    }
  }
}
