/** The diff output formats, by name (an explicit registry). */
import type { DiffResult } from '../index.js';
import { renderJson } from './json.js';
import { renderSummary } from './summary.js';
import { renderUnified } from './unified.js';

export const DIFF_OUTPUTS = ['unified', 'summary', 'json'] as const;
export type DiffOutput = (typeof DIFF_OUTPUTS)[number];

export interface RenderOptions {
  color: boolean;
  context?: number;
}

export const renderers: Readonly<Record<DiffOutput, (result: DiffResult, options: RenderOptions) => string>> = {
  unified: (result, options) => renderUnified(result, options),
  summary: (result, options) => renderSummary(result, options),
  json: (result) => renderJson(result),
};
