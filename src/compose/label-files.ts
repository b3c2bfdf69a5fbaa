/**
 * The labels of each service's `label_file` entries, read after normalization as docker compose does:
 * each file in the dotenv syntax (dotenv.ts), in order, a later file overriding an earlier one; values may
 * refer to the labels of the service's earlier label files and to the file's own earlier entries (not to
 * the project's variables). The service's own `labels` win over all of them. Each label keeps its position
 * in its label file. A missing or unreadable file is an error at the entry that names it; files are read
 * only inside the project directory when the project is confined, as env files are.
 */
import type { KeyValue, Service } from './model.js';
import { parseDotenv } from './dotenv.js';
import type { LoaderContext } from './loader-context.js';
import { readNamedFile } from './read.js';

export const MISSING_LABEL_FILE = 'compose/missing-label-file';

export async function fillLabelFiles(services: readonly Service[], ctx: LoaderContext): Promise<void> {
  for (const service of services) {
    const files = service.labelFiles ?? [];
    if (files.length === 0) continue;
    /** Labels from the files so far, by key; a later one moves to the end. */
    const fromFiles = new Map<string, KeyValue>();
    for (const file of files) {
      // Read for each entry (not once per path), so that every entry naming a bad file is reported.
      const text = await readNamedFile(file.resolved, { at: file.span, name: file.path }, ctx);
      if (text === 'missing') {
        ctx.report({
          code: MISSING_LABEL_FILE,
          severity: 'error',
          message: `label file ${file.path} does not exist`,
          hint: 'Create it, or fix the path (relative paths start at the project directory).',
          object: { kind: 'ComposeService', name: service.name },
          ...file.span,
        });
        continue;
      }
      if (!text) continue;
      const entries = parseDotenv(file.resolved, text.lines, { lookup: (n) => fromFiles.get(n)?.value, report: ctx.report });
      for (const e of entries) {
        fromFiles.delete(e.name);
        fromFiles.set(e.name, { key: e.name, value: e.value, span: e.span });
      }
    }
    const own = new Set(service.labels.map((l) => l.key));
    service.labels = [...[...fromFiles.values()].filter((l) => !own.has(l.key)), ...service.labels];
  }
}
