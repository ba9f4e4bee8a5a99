// The scheduler starts crawls on its cron expression, never two at once, and logs each run.
import { describe, expect, it } from 'vitest';
import { loadCrawlConfig, scheduleCrawls } from '../../crawlers/index.ts';

describe('scheduleCrawls', () => {
  it('defaults to 02:00 Asia/Almaty, which is 20:00 or 21:00 UTC the day before', () => {
    const { cron, timezone } = loadCrawlConfig().schedule;
    const handle = scheduleCrawls({ cron, timezone, run: async () => {}, logger: silent([]) });
    const next = handle.nextRun()!;
    handle.stop();
    expect([cron, timezone]).toEqual(['0 2 * * *', 'Asia/Almaty']);
    expect(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Asia/Almaty',
        hour: '2-digit',
        minute: '2-digit',
      }).format(next),
    ).toBe('02:00');
  });

  it('skips a run while the previous one is still going, and logs start and end', async () => {
    const lines: string[] = [];
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    // Every second; each crawl takes 2.5 s, so every other tick finds one running.
    const handle = scheduleCrawls({
      cron: '* * * * * *',
      timezone: 'Asia/Almaty',
      logger: silent(lines),
      run: async () => {
        runs += 1;
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((r) => setTimeout(r, 2500));
        running -= 1;
      },
    });
    await new Promise((r) => setTimeout(r, 5200));
    handle.stop();
    while (handle.busy()) await new Promise((r) => setTimeout(r, 100));
    expect(maxRunning).toBe(1);
    expect(runs).toBeGreaterThanOrEqual(1);
    expect(runs).toBeLessThanOrEqual(2);
    expect(lines.some((l) => /still running; skipping this one/.test(l))).toBe(true);
    expect(lines.filter((l) => l.startsWith('schedule: crawl started')).length).toBe(runs);
    expect(lines.filter((l) => l.includes('crawl finished')).length).toBe(runs);
  }, 20_000);
});

function silent(lines: string[]) {
  const push = (m: string) => lines.push(m);
  return { debug: push, info: push, warn: push, error: push };
}
