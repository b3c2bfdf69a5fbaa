import type { Formatter } from './formatter.js';

export type * from './formatter.js';

export type FormatName = 'stylish' | 'json' | 'sarif' | 'github' | 'junit';

/** The explicit formatter registry (placeholder until the formatters land). */
export const formatters: Partial<Record<FormatName, Formatter>> = {};
