// The nightly schedule: a cron expression (config/crawl.json, default 02:00 Asia/Almaty) that starts a
// crawl; a run still going when the next is due is skipped (croner's `protect`), never doubled.
import { Cron } from 'croner';
import { describeError, type Logger } from '../core/index.ts';

export interface ScheduleHandle {
  /** When the next run starts, or null if never. */
  nextRun(): Date | null;
  /** True while a run is in progress. */
  busy(): boolean;
  stop(): void;
}

export function scheduleCrawls(options: {
  readonly cron: string;
  readonly timezone: string;
  readonly run: () => Promise<void>;
  readonly logger: Logger;
}): ScheduleHandle {
  let running = false;
  const job = new Cron(
    options.cron,
    {
      timezone: options.timezone,
      protect: (blocked) => {
        options.logger.warn(
          `schedule: a crawl started at ${blocked.currentRun()?.toISOString() ?? '?'} is still running; skipping this one`,
        );
      },
    },
    async () => {
      running = true;
      const started = new Date();
      options.logger.info(`schedule: crawl started at ${started.toISOString()}`);
      try {
        await options.run();
        options.logger.info(
          `schedule: crawl finished in ${Math.round((Date.now() - started.getTime()) / 1000)} s`,
        );
      } catch (error) {
        options.logger.error(`schedule: crawl failed: ${describeError(error)}`);
      } finally {
        running = false;
        const next = job.nextRun();
        if (next) options.logger.info(`schedule: next crawl at ${next.toISOString()}`);
      }
    },
  );
  return { nextRun: () => job.nextRun(), busy: () => running, stop: () => job.stop() };
}
