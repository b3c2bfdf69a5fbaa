/**
 * Everything the CLI touches outside the process's own memory, passed in so that tests can run the
 * CLI in-process with fakes. Only src/cli/ may use process.*, the console or the file system.
 */
import { terminalSafeLine } from '../text/terminal-text.js';

/**
 * One line of the CLI's own notes on stderr (`shipshape: cannot read …`), made terminal-safe: they quote file
 * names and arguments, and a line break or escape sequence in one must not start a line of its own (a
 * `::error …` GitHub workflow command) or rewrite the screen.
 */
export function noteLine(text: string): string {
  return `${terminalSafeLine(text)}\n`;
}

export interface OutputStream {
  write(text: string): void;
  /** True when the stream is an interactive terminal (colours and code frames allowed). */
  readonly isTTY: boolean;
}

export interface Io {
  stdout: OutputStream;
  stderr: OutputStream;
  /** Read all of standard input. */
  readStdin(): Promise<Uint8Array>;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/** The real process's IO. */
export function processIo(): Io {
  return {
    stdout: { write: (t) => void process.stdout.write(t), isTTY: Boolean(process.stdout.isTTY) },
    stderr: { write: (t) => void process.stderr.write(t), isTTY: Boolean(process.stderr.isTTY) },
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Whether colours may be used on a stream: never with NO_COLOR, always with FORCE_COLOR, else on a TTY. */
export function colorEnabled(io: Io, stream: OutputStream, choice: 'auto' | 'always' | 'never' = 'auto'): boolean {
  if (choice !== 'auto') return choice === 'always';
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  // FORCE_COLOR=0 turns colour off, any other value on (Node's and kleur's convention).
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0';
  return stream.isTTY && io.env.TERM !== 'dumb';
}

/** The parts of `process` the fault guards use (a fake in tests). */
export interface GuardedProcess {
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown;
  exitCode?: number | string | undefined;
  exit(code: number): never;
}

export interface GuardOptions {
  writeErr(text: string): void;
  debug: boolean;
  /** Formats the one line for a fault (exit.ts internalFaultLine; systemFailureLine first for system errors). */
  faultLine(error: unknown, debug: boolean): string;
  faultStack(error: unknown): string;
  /** Exit code for a fault. */
  code: number;
}

/**
 * Last-resort guards for faults that escape main() (an error thrown in a stream callback, a promise
 * nobody awaited): one line asking for a report, the stack only with --debug, the fault's exit code.
 * A closed standard output (`shipshape lint | head -1`) is not a fault: the run just stops quietly.
 */
export function guardProcess(proc: GuardedProcess, stdout: { on(event: 'error', listener: (error: unknown) => void): unknown }, options: GuardOptions): void {
  const fault = (error: unknown) => {
    options.writeErr(`${options.faultLine(error, options.debug)}\n`);
    if (options.debug) options.writeErr(`${options.faultStack(error)}\n`);
    proc.exit(options.code);
  };
  proc.on('uncaughtException', fault);
  proc.on('unhandledRejection', fault);
  stdout.on('error', (error) => {
    if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EPIPE') {
      proc.exit(typeof proc.exitCode === 'number' ? proc.exitCode : 0);
      return;
    }
    fault(error);
  });
}
