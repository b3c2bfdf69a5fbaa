/**
 * A side made of manifest files (already read and decoded by src/cli/): every object of every file, through
 * the manifest loader (k8s/manifests.ts), namespaces defaulted by scope (CRDs of the same side included).
 */
import type { Diagnostic } from '../diagnostics.js';
import { chainScopes, crdScopes, readManifests, toManifestObject, type RawManifest } from '../k8s/manifests.js';
import { resourceScope } from '../k8s/schema/index.js';
import type { SourceFile } from '../source/file.js';
import { diffObjectsOfManifests, type DiffObject } from './objects.js';

export interface ManifestSide {
  objects: DiffObject[];
  /** YAML problems and documents that are not objects. */
  diagnostics: Diagnostic[];
}

export function objectsOfFiles(files: readonly SourceFile[], options: { defaultNamespace: string }): ManifestSide {
  const raw: RawManifest[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const read = readManifests(file);
    // A file may hold a million documents: spreading them into push() would overflow the call stack.
    for (const manifest of read.manifests) raw.push(manifest);
    for (const diagnostic of read.diagnostics) diagnostics.push(diagnostic);
  }
  const scope = chainScopes(crdScopes(raw), resourceScope);
  const objects = diffObjectsOfManifests(raw.map((r) => toManifestObject(r, { defaultNamespace: options.defaultNamespace, scope })));
  return { objects, diagnostics };
}
