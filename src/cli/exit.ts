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

/**
 * A failure of the system rather than of shipshape — a full disk, a closed or broken output stream, an I/O
 * error: node's system errors carry a `code` such as ENOSPC and the `syscall` that failed. One line saying
 * what failed, without asking for a bug report; undefined for anything else.
 */
export function systemFailureLine(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, syscall } = error as { code?: unknown; syscall?: unknown };
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code) || typeof syscall !== 'string') return undefined;
  return `shipshape: ${error.message.replace(/\s+/g, ' ').trim()}`;
}

/**
 * The one line printed for an internal fault (a bug in shipshape, not bad input): what failed and a
 * request for a report. The message is kept to one line (a fault's message may hold line breaks or
 * quote a long input); the stack is printed separately, and only under `--debug`.
 */
export function internalFaultLine(error: unknown, debug: boolean): string {
  const name = error instanceof Error ? error.name : typeof error;
  const raw = error instanceof Error ? error.message : String(error);
  let message = raw.replace(/\s+/g, ' ').trim();
  if (message.length > 300) message = `${message.slice(0, 300)}…`;
  return (
    `shipshape: internal error (${name}${message ? `: ${message}` : ''}). This is a bug in shipshape; please report it ` +
    'with the input that caused it' +
    (debug ? '.' : ' (run again with --debug for the stack trace).')
  );
}

/** The stack of a fault, for `--debug`: the error's own stack, or its text. */
export function faultStack(error: unknown): string {
  return error instanceof Error && error.stack ? error.stack : String(error);
}

/** An empty path names nothing (an unset shell variable, `"$DIR"`): a usage error, never the current directory. */
export function checkPaths(what: string, paths: readonly (string | undefined)[]): void {
  if (paths.some((p) => p === '')) throw new UsageError(`${what}: an empty path names no file (is a shell variable unset?)`);
}
