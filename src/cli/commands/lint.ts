import type { Command } from 'commander';
import type { CommandContext } from '../main.js';
import { UsageError } from '../exit.js';

/** `shipshape lint`: not implemented yet (placeholder so the command registry is complete). */
export function registerLint(program: Command, _ctx: CommandContext): void {
  program
    .command('lint')
    .description('(not implemented yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new UsageError('the lint command is not implemented yet');
    });
}
