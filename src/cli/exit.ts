/** The exit codes every command uses (as diff(1), ESLint and kubectl diff). */
export const EXIT_OK = 0;
/** Findings: errors, differences, or a lossy conversion under --strict. */
export const EXIT_FINDINGS = 1;
/** Usage errors, unreadable input, or an internal fault. */
export const EXIT_USAGE = 2;

/** Thrown inside a command for a usage problem; main() prints the message and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
