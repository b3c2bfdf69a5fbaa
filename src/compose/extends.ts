/**
 * `extends`: a service starts from another service of the same file (`extends: base` or
 * `extends: {service: base}`) or of another file (`extends: {file: common.yaml, service: base}`), chained
 * to any depth, and is merged onto it with the usual merge rules. The other file is read and interpolated
 * like any Compose file, and its relative paths resolve against its own directory. Cycles and unknown
 * services are reported at the `extends` that names them.
 */
import { posix } from 'node:path';
import type { DiagnosticSink, ObjectRef } from '../diagnostics.js';
import type { Located, LocatedMap } from '../source/located.js';
import type { Span } from '../source/span.js';
import { didYouMeanSuffix } from './did-you-mean.js';
import { mapValue, stringValue, withEntry, withoutEntry } from './located-nodes.js';
import type { LoaderContext, Origin } from './loader-context.js';
import { mergeNode, withoutResets } from './merge.js';
import { readComposeFile } from './read.js';
import { rebaseService } from './rebase.js';

export const EXTENDS_CYCLE = 'compose/extends-cycle';
export const EXTENDS_UNKNOWN_SERVICE = 'compose/extends-unknown-service';

/** A file's services, and the directory its relative `extends.file` values start from. */
interface ServiceSource {
  path: string;
  baseDir: string;
  services: LocatedMap | undefined;
}

interface Link {
  key: string;
  name: string;
  at: Span;
}

export class ExtendsResolver {
  private readonly done = new Map<string, Located>();
  private readonly files = new Map<string, Promise<ServiceSource | undefined>>();

  /**
   * @param interpolate turns a parsed document of another file into an interpolated one (the layer's variables)
   */
  constructor(
    private readonly ctx: LoaderContext,
    private readonly interpolate: (doc: LocatedMap) => LocatedMap,
  ) {}

  private get report(): DiagnosticSink {
    return this.ctx.report;
  }

  /** A document with every `extends` of its services resolved. `baseDir`: where relative `extends.file` start. */
  async resolveDocument(doc: LocatedMap, path: string, baseDir: string): Promise<LocatedMap> {
    const services = mapValue(doc, 'services');
    if (services?.kind !== 'map' || !services.entries.some((e) => mapValue(e.value, 'extends') !== undefined)) return doc;
    const source: ServiceSource = { path, baseDir, services };
    const entries = [];
    for (const e of services.entries) entries.push({ ...e, value: await this.resolve(source, e.key, []) });
    return withEntry(doc, 'services', { ...services, entries });
  }

  private async resolve(source: ServiceSource, name: string, chain: readonly Link[]): Promise<Located> {
    const key = `${source.path}\0${name}`;
    const cached = this.done.get(key);
    if (cached) return cached;
    const service = source.services?.entries.find((e) => e.key === name)?.value;
    if (!service) throw new Error(`extends: service ${name} vanished from ${source.path}`);
    const ext = mapValue(service, 'extends');
    if (ext === undefined || service.kind !== 'map') return service;
    // A service whose extends fails below (reported there) is returned as it is, `extends` entry included:
    // normalization skips the key, and does not add "no image" to the error (the image was to come from the base).
    const own = withoutEntry(service, 'extends');
    const target = extendsTarget(ext);
    const object: ObjectRef = { kind: 'ComposeService', name };
    if (!target) {
      this.report({
        code: 'compose/invalid-type',
        severity: 'error',
        message: `services.${name}.extends must be a service name, or a mapping with service (and file)`,
        path: ['services', name, 'extends'],
        ...ext.span,
        object,
      });
      // Malformed: dropped (the schema would report it a second time).
      return this.finish(key, own);
    }
    const targetPath = target.file ? posix.resolve(source.baseDir, target.file.text) : source.path;
    const targetKey = `${targetPath}\0${target.service.text}`;
    const cycleStart = targetKey === key ? chain.length : chain.findIndex((l) => l.key === targetKey);
    if (cycleStart !== -1) {
      const loop = chain.slice(cycleStart);
      this.report({
        code: EXTENDS_CYCLE,
        severity: 'error',
        message: `extends cycle: ${[...loop.map((l) => l.name), name, target.service.text].join(' → ')}`,
        hint: 'A service cannot extend itself, directly or through other services.',
        ...target.service.at,
        object,
        related: loop.map((l) => ({ message: `${l.name} extends here`, ...l.at })),
      });
      return service;
    }
    const from = target.file ? await this.otherFile(targetPath, { at: target.file.at, name: target.file.text }) : source;
    if (!from) return this.finish(key, service);
    const base = from.services?.entries.find((e) => e.key === target.service.text);
    if (!base) {
      const candidates = from.services?.entries.map((e) => e.key) ?? [];
      const suggestion = didYouMeanSuffix(target.service.text, candidates);
      this.report({
        code: EXTENDS_UNKNOWN_SERVICE,
        severity: 'error',
        message: `service ${name} extends ${target.service.text}, which is not a service of ${target.file ? target.file.text : 'this file'}${suggestion}`,
        ...(!suggestion && candidates.length > 0 ? { hint: `Services there: ${candidates.slice(0, 10).join(', ')}.` } : {}),
        ...target.service.at,
        object,
      });
      return this.finish(key, service);
    }
    let resolvedBase = await this.resolve(from, base.key, [...chain, { key, name, at: target.service.at }]);
    if (target.file) resolvedBase = rebaseService(resolvedBase, from.baseDir);
    const merged = mergeNode(withoutResets(withoutEntry(asMap(resolvedBase), 'extends')), own, ['services', name], this.report);
    return this.finish(key, merged ?? own);
  }

  private finish(key: string, value: Located): Located {
    this.done.set(key, value);
    return value;
  }

  private otherFile(path: string, origin: Origin): Promise<ServiceSource | undefined> {
    let pending = this.files.get(path);
    if (!pending) {
      pending = this.loadOtherFile(path, origin);
      this.files.set(path, pending);
    }
    return pending;
  }

  private async loadOtherFile(path: string, origin: Origin): Promise<ServiceSource | undefined> {
    const parsed = await readComposeFile({ kind: 'file', path }, this.ctx, origin);
    if (!parsed) return undefined;
    let services: LocatedMap | undefined;
    for (const doc of parsed.documents) {
      const s = mapValue(this.interpolate(doc), 'services');
      if (s?.kind !== 'map') continue;
      services = services ? (mergeNode(services, s, ['services'], this.report) as LocatedMap) : s;
    }
    return { path, baseDir: parsed.dir, services };
  }
}

interface Named {
  text: string;
  at: Span;
}

/** `extends: name` or `extends: {service, file}`; undefined for a malformed value (the schema reports it). */
function extendsTarget(node: Located): { service: Named; file?: Named } | undefined {
  const direct = stringValue(node);
  if (direct !== undefined) return { service: { text: direct, at: node.span } };
  const serviceNode = mapValue(node, 'service');
  const service = stringValue(serviceNode);
  if (service === undefined || !serviceNode) return undefined;
  const fileNode = mapValue(node, 'file');
  const file = stringValue(fileNode);
  return {
    service: { text: service, at: serviceNode.span },
    ...(file !== undefined && fileNode ? { file: { text: file, at: fileNode.span } } : {}),
  };
}

function asMap(node: Located): LocatedMap {
  return node.kind === 'map' ? node : { kind: 'map', entries: [], span: node.span };
}
