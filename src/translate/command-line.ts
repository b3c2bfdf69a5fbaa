/**
 * `entrypoint` → the container's `command`, `command` → its `args`. Compose's empty override (`entrypoint: ""`,
 * `entrypoint: []`, `command: []`, `command: ""`) replaces the image's ENTRYPOINT or CMD with nothing; Kubernetes
 * treats an empty `command` or `args` as unset, so the image's default would run instead:
 *   - an empty entrypoint with a command: Docker runs the command as the program, so it becomes `command` (info);
 *   - an empty entrypoint without one: warning `convert/empty-command`, the image's ENTRYPOINT runs;
 *   - an empty command with an entrypoint: nothing to do, Kubernetes ignores the image's CMD when `command` is set;
 *   - an empty command without an entrypoint: warning `convert/empty-command`, the image's CMD is passed to its
 *     ENTRYPOINT.
 * An empty list is never written.
 */
import type { Span } from '../source/span.js';
import type { ServiceScope, TranslateContext } from './context.js';

export const EMPTY_COMMAND = 'convert/empty-command';

export interface CommandFields {
  command?: string[];
  args?: string[];
}

/** `expand` turns a literal into what Kubernetes will not expand (container.ts escapes and rewrites addresses). */
export function commandLineOf(ctx: TranslateContext, scope: ServiceScope, expand: (value: string, at: Span) => string): CommandFields {
  const { entrypoint, command } = scope.service;
  const out: CommandFields = {};
  const argv = (line: { argv: string[]; span: Span }) => line.argv.map((a) => expand(a, line.span));
  const emptyEntrypoint = entrypoint !== undefined && entrypoint.argv.length === 0;
  const emptyCommand = command !== undefined && command.argv.length === 0;
  if (entrypoint && !emptyEntrypoint) out.command = argv(entrypoint);
  if (command && !emptyCommand) {
    if (emptyEntrypoint) out.command = argv(command);
    else out.args = argv(command);
  }
  if (entrypoint && emptyEntrypoint) {
    const at = scope.service.keys.entrypoint ?? entrypoint.span;
    if (out.command) {
      ctx.info(EMPTY_COMMAND, at, "'entrypoint' is empty, so Docker runs the command as the program: it becomes the container's command (Kubernetes has no empty command)", { object: scope.ref });
    } else {
      ctx.warn(EMPTY_COMMAND, at, "the empty 'entrypoint' cannot be expressed: Kubernetes treats an empty command as unset, so the image's ENTRYPOINT runs", {
        object: scope.ref,
        hint: "give the program to run as 'entrypoint' (the image's CMD, if that is what should run)",
      });
    }
  }
  if (command && emptyCommand && !out.command) {
    ctx.warn(EMPTY_COMMAND, scope.service.keys.command ?? command.span, "the empty 'command' cannot be expressed: Kubernetes treats empty args as unset, so the image's CMD runs (as arguments of its ENTRYPOINT)", {
      object: scope.ref,
      hint: "give the image's ENTRYPOINT as 'entrypoint': with a command set, Kubernetes does not use the image's CMD",
    });
  }
  return out;
}
