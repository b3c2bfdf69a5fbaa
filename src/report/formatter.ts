import type { Diagnostic, ObjectRef, Severity } from '../diagnostics.js';

/** What a formatter needs to know about a rule (SARIF rule metadata, help text). */
export interface RuleDescriptor {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** Markdown help: what the rule finds and how to fix it. */
  help?: string;
  /** Link to the rule's documentation. */
  helpUri?: string;
}

/** An object that was checked (JUnit: one testcase per object, passing or not). */
export interface CheckedObject {
  file: string;
  line: number;
  column: number;
  object: ObjectRef;
}

/** A region of a file: 1-based, end exclusive (a `Position` without the file). */
export interface SourceRegion {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ReportInput {
  diagnostics: readonly Diagnostic[];
  rules: readonly RuleDescriptor[];
  objects: readonly CheckedObject[];
  /** Every file that was read. */
  files: readonly string[];
  /**
   * The text of a file, for code frames; undefined when not available. Code frames print lines of this
   * text, so either it must be safe to print or `secretRegions` must cover every secret value in it.
   */
  source(file: string): string | undefined;
  /**
   * Regions of a file whose text must never be printed (Secret `data`/`stringData` values, secrets from
   * `.env`): code frames show `***` in their place. Absent: nothing is masked.
   */
  secretRegions?(file: string): readonly SourceRegion[];
  tool: { name: string; version: string; informationUri?: string };
}

export interface FormatOptions {
  color: boolean;
}

/** Renders a whole report as one string (the CLI writes it to stdout or `-o FILE`). */
export type Formatter = (input: ReportInput, options: FormatOptions) => string;
