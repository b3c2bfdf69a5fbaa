import type { Command } from 'commander';
import type { CommandContext } from '../main.js';
import { UsageError } from '../exit.js';

/** `shipshape convert`: not implemented yet (placeholder so the command registry is complete). */
export function registerConvert(program: Command, _ctx: CommandContext): void {
  program
    .command('convert')
    .description('(not implemented yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new UsageError('the convert command is not implemented yet');
    });
}
