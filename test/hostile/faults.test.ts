/**
 * Internal faults (a bug in shipshape, not bad input): one line naming the fault and asking for a
 * report, the stack only under --debug, exit 2 — for every command. Faults are injected by mocking a
 * deep module so that it throws while a flag is set; the process-level guards of bin.ts are tested with
 * a fake process.
 */
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { faultStack, internalFaultLine, systemFailureLine } from '../../src/cli/exit.js';
import { main } from '../../src/cli/main.js';
import { guardProcess } from '../../src/cli/io.js';
import { configMap, latestDeployment, project, run } from './harness.js';

const { inject, throwing } = vi.hoisted(() => {
  const inject = { fault: undefined as undefined | (() => never) };
  /** The module `real` with its export `name` made to fail while a fault is injected. */
  const throwing = (real: Record<string, unknown>, name: string): Record<string, unknown> => {
    const original = real[name] as (...args: unknown[]) => unknown;
    return { ...real, [name]: (...args: unknown[]) => (inject.fault?.(), original(...args)) };
  };
  return { inject, throwing };
});

vi.mock('../../src/translate/index.js', async (original) => throwing(await original(), 'translateProject'));
vi.mock('../../src/diff/index.js', async (original) => throwing(await original(), 'diffManifests'));
vi.mock('../../src/compose/print.js', async (original) => throwing(await original(), 'printProject'));
vi.mock('../../src/lint/index.js', async (original) => throwing(await original(), 'lint'));

afterEach(() => {
  inject.fault = undefined;
});

const compose = 'name: shop\nservices:\n  web:\n    image: nginx:1\n';
const commands: Record<string, string[]> = {
  lint: ['lint', 'm.yaml'],
  diff: ['diff', 'm.yaml', 'n.yaml'],
  config: ['config'],
  convert: ['convert'],
};
const files = { 'compose.yaml': compose, 'm.yaml': latestDeployment('web'), 'n.yaml': configMap('c') };

const faults: Record<string, () => never> = {
  TypeError: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'spec')");
  },
  'a stack overflow': () => {
    const recurse = (n: number): number => recurse(n + 1) + 1;
    recurse(0);
    throw new Error('unreachable');
  },
  'a message with line breaks': () => {
    throw new Error('first line\n    at fake (frame.js:1:1)\nthird line');
  },
  'a thrown non-Error': () => {
    throw 'a plain string'; // eslint-disable-line no-throw-literal
  },
};

describe.each(Object.keys(commands))('%s', (command) => {
  test.each(Object.keys(faults))('%s: one line asking for a report, exit 2, no stack', async (fault) => {
    inject.fault = faults[fault]!;
    const r = await run(commands[command]!, project(files));
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^shipshape: internal error \(.+\)\. This is a bug in shipshape; please report it with the input that caused it \(run again with --debug for the stack trace\)\.$/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('--debug: the same line, then the stack', async () => {
    inject.fault = faults.TypeError!;
    for (const args of [['--debug', ...commands[command]!], [...commands[command]!, '--debug']]) {
      const r = await run(args, project(files));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^shipshape: internal error \(TypeError: Cannot read properties of undefined \(reading 'spec'\)\)\. This is a bug in shipshape; please report it with the input that caused it\.\n/);
      expect(r.stderr).toMatch(/\nTypeError: Cannot read[^\n]*\n\s+at /);
    }
  });

  test('without a fault the same run succeeds (the injection is what fails)', async () => {
    const r = await run(commands[command]!, project(files));
    expect(r.stderr).not.toMatch(/internal error/);
    expect([0, 1]).toContain(r.code);
  });
});

describe('the one line', () => {
  test('names the error class and message; line breaks and long messages are folded', () => {
    expect(internalFaultLine(new RangeError('a\nb'), false)).toMatch(/^shipshape: internal error \(RangeError: a b\)\. /);
    expect(internalFaultLine(new Error('x'.repeat(5000)), true).length).toBeLessThan(450);
    expect(internalFaultLine(undefined, false)).toMatch(/internal error \(undefined: undefined\)/);
    expect(faultStack(new Error('s'))).toMatch(/^Error: s\n\s+at /);
  });
});

describe('system failures are not bugs', () => {
  const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write', errno: -28 });

  test('a full disk on standard output: one line naming it, no report request, exit 2', async () => {
    let stderr = '';
    const code = await main(['convert'], {
      stdout: { write: () => { throw enospc(); }, isTTY: false },
      stderr: { write: (t) => void (stderr += t), isTTY: false },
      readStdin: async () => new Uint8Array(),
      env: {},
      cwd: project(files),
    });
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n').at(-1)).toBe('shipshape: ENOSPC: no space left on device, write');
    expect(stderr).not.toMatch(/bug|\n\s+at /);
  });

  test('only errors with a system code and syscall count', () => {
    expect(systemFailureLine(enospc())).toBe('shipshape: ENOSPC: no space left on device, write');
    expect(systemFailureLine(Object.assign(new Error('x'), { code: 'ERR_INVALID_ARG_TYPE' }))).toBeUndefined();
    expect(systemFailureLine(new TypeError('x'))).toBeUndefined();
    expect(systemFailureLine('ENOSPC')).toBeUndefined();
  });
});

describe('process guards (bin.ts)', () => {
  function fakeProcess() {
    const proc = Object.assign(new EventEmitter(), {
      exitCode: undefined as number | undefined,
      exited: undefined as number | undefined,
      exit(code: number): never {
        proc.exited = code;
        return undefined as never;
      },
    });
    const stdout = new EventEmitter();
    let err = '';
    return { proc, stdout, err: () => err, write: (t: string) => void (err += t) };
  }

  test.each(['uncaughtException', 'unhandledRejection'])('%s: one line, exit 2, the stack only with --debug', (event) => {
    for (const debug of [false, true]) {
      const f = fakeProcess();
      guardProcess(f.proc, f.stdout, { writeErr: f.write, debug, faultLine: internalFaultLine, faultStack, code: 2 });
      f.proc.emit(event, new TypeError('escaped'));
      expect(f.proc.exited).toBe(2);
      expect(f.err().split('\n')[0]).toMatch(/^shipshape: internal error \(TypeError: escaped\)/);
      expect(/\n\s+at /.test(f.err())).toBe(debug);
    }
  });

  test('a closed standard output (EPIPE) ends the run quietly with its exit code', () => {
    const f = fakeProcess();
    guardProcess(f.proc, f.stdout, { writeErr: f.write, debug: false, faultLine: internalFaultLine, faultStack, code: 2 });
    f.proc.exitCode = 1;
    f.stdout.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(f.proc.exited).toBe(1);
    expect(f.err()).toBe('');
  });

  test('another standard output error is a fault', () => {
    const f = fakeProcess();
    guardProcess(f.proc, f.stdout, { writeErr: f.write, debug: false, faultLine: internalFaultLine, faultStack, code: 2 });
    f.stdout.emit('error', Object.assign(new Error('write EIO'), { code: 'EIO' }));
    expect(f.proc.exited).toBe(2);
    expect(f.err()).toMatch(/internal error \(Error: write EIO\)/);
  });
});
