/**
 * Everything the CLI touches outside the process's own memory, passed in so that tests can run the
 * CLI in-process with fakes. Only src/cli/ may use process.*, the console or the file system.
 */
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
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY && io.env.TERM !== 'dumb';
}
