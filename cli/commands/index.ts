// Every `soz` subcommand, in the order `soz --help` lists them.
import type { Command } from '../command.ts';
import { dbCommand } from './db-command.ts';

export const COMMANDS: readonly Command[] = [dbCommand];
