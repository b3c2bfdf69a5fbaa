import type { Command } from 'commander';
import type { CommandContext } from '../main.js';
import { registerConfig } from './config.js';
import { registerConvert } from './convert.js';
import { registerDiff } from './diff.js';
import { registerLint } from './lint.js';

/** Adds one sub-command (its options, help and action) to the program. */
export type RegisterCommand = (program: Command, ctx: CommandContext) => void;

/** Every command, in the order `--help` lists them. */
export const commands: readonly RegisterCommand[] = [registerConvert, registerLint, registerDiff, registerConfig];
