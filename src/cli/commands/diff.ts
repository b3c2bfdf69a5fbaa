import type { Command } from 'commander';
import type { CommandContext } from '../main.js';
import { UsageError } from '../exit.js';

/** `shipshape diff`: not implemented yet (placeholder so the command registry is complete). */
export function registerDiff(program: Command, _ctx: CommandContext): void {
  program
    .command('diff')
    .description('(not implemented yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new UsageError('the diff command is not implemented yet');
    });
}
