// Every `soz` subcommand, in the order `soz --help` lists them: the daily work first.
import type { Command } from '../command.ts';
import { casesCommand } from './cases-command.ts';
import { classifyCommand } from './classify-command.ts';
import { courtCommand } from './court-command.ts';
import { crawlCommand } from './crawl-command.ts';
import { datasetCommand } from './dataset-command.ts';
import { dbCommand } from './db-command.ts';
import { demoCommand } from './demo-command.ts';
import { digestCommand } from './digest-command.ts';
import { doctorCommand } from './doctor-command.ts';
import { extractCommand } from './extract-command.ts';
import { itemsCommand } from './items-command.ts';
import { reviewCommand } from './review-command.ts';
import { scheduleCommand } from './schedule-command.ts';
import { sourcesCommand } from './sources-command.ts';
import { trainCommand } from './train-command.ts';
import { usersCommand } from './users-command.ts';
import { workerCommand } from './worker-command.ts';

export const COMMANDS: readonly Command[] = [
  demoCommand,
  crawlCommand,
  courtCommand,
  reviewCommand,
  casesCommand,
  digestCommand,
  datasetCommand,
  itemsCommand,
  sourcesCommand,
  scheduleCommand,
  workerCommand,
  extractCommand,
  classifyCommand,
  trainCommand,
  usersCommand,
  dbCommand,
  doctorCommand,
];
