/**
 * What `shipshape convert` and the Compose sides of `shipshape diff` share: checking the conversion options,
 * turning them into translate/ options, and showing diagnostic paths as the user sees them.
 */
import { isAbsolute } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { FileHost } from '../host.js';
import type { BindMountPolicy, TranslateOptions } from '../translate/context.js';
import { STORAGE_QUANTITY, storageSizeProblem } from '../translate/settings-values.js';
import { UsageError } from './exit.js';
import { displayPath } from './manifest-files.js';

/** The `convert` options that shape a conversion (also accepted by `diff` for Compose sides). */
export interface ConversionOptions {
  namespace?: string;
  imagePrefix?: string;
  pvcSize?: string;
  bindMounts?: BindMountPolicy;
  waitForDeps: boolean;
  allowOutsideProject: boolean;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** `--namespace` as a usage error when it is not a namespace name. */
export function checkNamespaceOption(namespace: string | undefined): void {
  if (namespace !== undefined && (!DNS_LABEL.test(namespace) || namespace.length > 63)) {
    throw new UsageError(`--namespace '${namespace}' is not a valid namespace name (at most 63 lower-case letters, digits and '-')`);
  }
}

/** Usage errors for conversion options the converter could not use. */
export function checkConversionOptions(options: Omit<ConversionOptions, 'waitForDeps' | 'allowOutsideProject'>): void {
  checkNamespaceOption(options.namespace);
  if (options.pvcSize !== undefined) {
    if (!STORAGE_QUANTITY.test(options.pvcSize)) throw new UsageError(`--pvc-size '${options.pvcSize}' is not a Kubernetes quantity (for example 1Gi or 500Mi)`);
    const problem = storageSizeProblem(options.pvcSize);
    if (problem !== undefined) throw new UsageError(`--pvc-size '${options.pvcSize}' ${problem}`);
  }
  if (options.imagePrefix !== undefined && /\s/.test(options.imagePrefix)) {
    throw new UsageError(`--image-prefix '${options.imagePrefix}' contains white space`);
  }
}

/** The translate/ options for a conversion reading files through `host`. */
export function translateOptions(options: ConversionOptions, host: FileHost): TranslateOptions {
  return {
    host,
    ...(options.namespace !== undefined ? { namespace: options.namespace } : {}),
    ...(options.imagePrefix !== undefined ? { imagePrefix: options.imagePrefix } : {}),
    ...(options.pvcSize !== undefined ? { pvcSize: options.pvcSize } : {}),
    ...(options.bindMounts !== undefined ? { bindMounts: options.bindMounts } : {}),
    waitForDeps: options.waitForDeps,
    allowOutsideProject: options.allowOutsideProject,
  };
}

/** A diagnostic with its paths as the user sees them: relative to the working directory when inside it. */
export function shownDiagnostic(cwd: string, d: Diagnostic): Diagnostic {
  const shown = (file: string) => (isAbsolute(file) ? displayPath(cwd, file) : file);
  const out: Diagnostic = { ...d, file: shown(d.file) };
  if (d.related) out.related = d.related.map((r) => ({ ...r, file: shown(r.file) }));
  return out;
}
