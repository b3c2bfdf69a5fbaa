/**
 * STUB (owned by helper F2): an Ingress from x-shipshape / kompose.service.expose settings.
 *
 * Contract used by index.ts: called once per service after its Service was built; `exposed` is that Service
 * (undefined when the service has no ports). Emit with ctx.emit; report a request that cannot be met.
 */
import type { ExposedService, ServiceScope, TranslateContext } from './context.js';

export function translateIngress(_ctx: TranslateContext, _scope: ServiceScope, _exposed: ExposedService | undefined): void {}
