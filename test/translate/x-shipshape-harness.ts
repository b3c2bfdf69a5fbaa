/**
 * Converter tests of x-shipshape and kompose.* labels from Compose text: the real loader (so positions are real
 * lines and columns of the text), then translateProject. Diagnostics are rendered `line:column severity code`.
 */
import { loadProject } from '../../src/compose/index.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { memoryHost } from '../../src/host.js';
import { createContext, type KubeObject } from '../../src/translate/context.js';
import { readServiceSettings, type ServiceSettings } from '../../src/translate/extensions.js';
import { resolveOptions, translateProject } from '../../src/translate/index.js';
import { assignServiceNames } from '../../src/translate/names.js';

export const FILE = '/p/compose.yaml';

async function load(yaml: string) {
  const host = memoryHost({ [FILE]: yaml });
  const loaded = await loadProject({ files: [FILE], envFiles: [], profiles: [], cwd: '/p', env: {}, host });
  if (!loaded.project) throw new Error(`fixture does not load: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  const loaderErrors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (loaderErrors.length > 0) throw new Error(`fixture has loader errors: ${loaderErrors.map((d) => d.message).join('; ')}`);
  return { project: loaded.project, host };
}

export function brief(d: Diagnostic): string {
  return `${d.line}:${d.column} ${d.severity} ${d.code}`;
}

/** Convert Compose text; objects by `Kind/name`, diagnostics in brief form (and in full). */
export async function convertText(yaml: string) {
  const { project, host } = await load(yaml);
  const result = await translateProject(project, { host });
  const byName = new Map<string, KubeObject>(result.objects.map((o) => [`${o.kind}/${o.metadata.name}`, o]));
  return {
    objects: result.objects,
    get: (key: string): KubeObject | undefined => byName.get(key),
    kinds: result.objects.map((o) => `${o.kind}/${o.metadata.name}`),
    diagnostics: result.diagnostics,
    codes: result.diagnostics.map(brief),
  };
}

/** The settings of the (first) service of a Compose text, with the diagnostics reading them gave. */
export async function settingsOf(yaml: string, serviceName?: string): Promise<{ settings: ServiceSettings; codes: string[]; diagnostics: Diagnostic[] }> {
  const { project, host } = await load(yaml);
  const diagnostics: Diagnostic[] = [];
  const names = assignServiceNames(project.services, { error: () => undefined, info: () => undefined });
  const ctx = createContext(project, resolveOptions({ host }), names, diagnostics);
  const service = serviceName === undefined ? project.services[0]! : project.services.find((s) => s.name === serviceName)!;
  const settings = readServiceSettings(ctx, service);
  return { settings, diagnostics, codes: diagnostics.map(brief) };
}
