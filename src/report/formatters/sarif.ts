/**
 * `sarif`: a SARIF 2.1.0 log with one run, for GitHub code scanning and other SARIF viewers.
 *
 * - `tool.driver.rules`: every rule of the input in its order, then any other id a diagnostic carries
 *   (sorted); results point at them by `ruleId` and `ruleIndex`.
 * - `artifacts`: every file read or mentioned, sorted; locations are URIs relative to `%SRCROOT%` (the
 *   directory shipshape ran in) and carry the artifact's `index`.
 * - Results: level `error`/`warning`/`note` (for `info`), the message (and the hint on a second line),
 *   the exact region, the object as a logical location, `relatedLocations` for `related`, and the field
 *   path as `properties.fieldPath`.
 * - `columnKind` is `utf16CodeUnits`, as shipshape counts columns. No timestamps or machine paths, so
 *   the output is deterministic.
 */
import { formatFieldPath, sortDiagnostics, type Diagnostic, type Position, type Severity } from '../../diagnostics.js';
import { artifactUri } from '../artifact-uri.js';
import type { Formatter, ReportInput, RuleDescriptor } from '../formatter.js';
import { stringifyJson } from '../json-text.js';
import { objectLabel } from '../object-label.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

type SarifLevel = 'error' | 'warning' | 'note';
const levels: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

type Json = Record<string, unknown>;

function ruleDescriptor(rule: RuleDescriptor): Json {
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    help: rule.help === undefined ? { text: rule.description } : { text: rule.help, markdown: rule.help },
    ...(rule.helpUri === undefined ? {} : { helpUri: rule.helpUri }),
    defaultConfiguration: { level: levels[rule.defaultSeverity] },
  };
}

/** A diagnostic code no rule descriptor describes (a YAML or Compose code): its id only. */
function bareRuleDescriptor(id: string): Json {
  return { id, shortDescription: { text: id } };
}

/** A valid SARIF region: lines and columns at least 1, the end only when it does not precede the start. */
function region(at: Position): Json {
  const startLine = Math.max(1, Math.trunc(at.line) || 1);
  const startColumn = Math.max(1, Math.trunc(at.column) || 1);
  const out: Json = { startLine, startColumn };
  const endLine = at.endLine ?? (at.endColumn !== undefined ? startLine : undefined);
  if (endLine === undefined || endLine < startLine) return out;
  if (at.endColumn === undefined) {
    if (endLine > startLine) out.endLine = endLine;
    return out;
  }
  if (endLine === startLine && at.endColumn < startColumn) return out;
  out.endLine = endLine;
  out.endColumn = Math.max(1, at.endColumn);
  return out;
}

export const sarif: Formatter = (input: ReportInput) => {
  const diagnostics = sortDiagnostics(input.diagnostics);

  const ruleIds = input.rules.map((r) => r.id);
  const known = new Set(ruleIds);
  const extra = [...new Set(diagnostics.map((d) => d.code).filter((id) => !known.has(id)))].sort();
  const rules = [...input.rules.map(ruleDescriptor), ...extra.map(bareRuleDescriptor)];
  const ruleIndex = new Map<string, number>();
  [...ruleIds, ...extra].forEach((id, i) => {
    if (!ruleIndex.has(id)) ruleIndex.set(id, i);
  });

  const files = new Set<string>(input.files);
  for (const o of input.objects) files.add(o.file);
  for (const d of diagnostics) {
    files.add(d.file);
    for (const r of d.related ?? []) files.add(r.file);
  }
  const artifactFiles = [...files].sort();
  const artifactIndex = new Map(artifactFiles.map((f, i) => [f, i]));

  const physicalLocation = (at: Position): Json => ({
    artifactLocation: { ...artifactUri(at.file), index: artifactIndex.get(at.file) },
    region: region(at),
  });

  const result = (d: Diagnostic): Json => {
    const location: Json = { physicalLocation: physicalLocation(d) };
    if (d.object) {
      location.logicalLocations = [{ name: d.object.name, fullyQualifiedName: objectLabel(d.object), kind: 'resource' }];
    }
    const out: Json = {
      ruleId: d.code,
      ruleIndex: ruleIndex.get(d.code),
      level: levels[d.severity],
      message: { text: d.hint === undefined ? d.message : `${d.message}\nHint: ${d.hint}` },
      locations: [location],
    };
    if (d.related && d.related.length > 0) {
      out.relatedLocations = d.related.map((r, i) => ({
        id: i + 1,
        physicalLocation: physicalLocation(r),
        message: { text: r.message },
      }));
    }
    if (d.path && d.path.length > 0) out.properties = { fieldPath: formatFieldPath(d.path) };
    return out;
  };

  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: input.tool.name,
            version: input.tool.version,
            ...(input.tool.informationUri === undefined ? {} : { informationUri: input.tool.informationUri }),
            rules,
          },
        },
        artifacts: artifactFiles.map((f) => ({ location: artifactUri(f) })),
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map(result),
      },
    ],
  };
  return stringifyJson(log);
};
