import type { Command } from 'commander';
import type { CommandContext } from '../main.js';
import { UsageError } from '../exit.js';

/** `shipshape config`: not implemented yet (placeholder so the command registry is complete). */
export function registerConfig(program: Command, _ctx: CommandContext): void {
  program
    .command('config')
    .description('(not implemented yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new UsageError('the config command is not implemented yet');
    });
}
