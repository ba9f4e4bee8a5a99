export type { Command, CommandContext } from './command.ts';
export { main } from './main.ts';
