// Every `soz` subcommand, in the order `soz --help` lists them.
import type { Command } from '../command.ts';
import { crawlCommand } from './crawl-command.ts';
import { datasetCommand } from './dataset-command.ts';
import { dbCommand } from './db-command.ts';
import { demoCommand } from './demo-command.ts';
import { digestCommand } from './digest-command.ts';
import { itemsCommand } from './items-command.ts';
import { scheduleCommand } from './schedule-command.ts';
import { sourcesCommand } from './sources-command.ts';
import { extractCommand } from './extract-command.ts';
import { reviewCommand } from './review-command.ts';
import { usersCommand } from './users-command.ts';
import { classifyCommand } from './classify-command.ts';
import { trainCommand } from './train-command.ts';

export const COMMANDS: readonly Command[] = [
  demoCommand,
  dbCommand, crawlCommand, sourcesCommand, itemsCommand, scheduleCommand, extractCommand, datasetCommand, digestCommand, reviewCommand, usersCommand, classifyCommand, trainCommand];
