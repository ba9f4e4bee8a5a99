import { EXIT } from '../../core/index.ts';
import type { Command } from '../command.ts';
import { DEFAULT_DEMO_DB, DEMO_MONTH, runDemo } from '../demo/run-demo.ts';
import { formatDemoSummary } from '../demo/summarize-demo.ts';
import { whyBrowser } from '../doctor/run-doctor.ts';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'crawl the bundled imitation sites into a fresh database, classify, queue and draft a digest',
  help: `Usage: soz [--db PATH] demo [--no-court]

Starts the bundled imitation news outlets and court portal on 127.0.0.1, crawls them into a fresh SQLite
database (default ${DEFAULT_DEMO_DB}, or --db / $SOZ_DB; a database holding real sources is refused),
detects languages, classifies, queues candidates for review without confirming any, and drafts the
digest of ${DEMO_MONTH} from the bundled confirmed entries in config/demo/dataset.jsonl.

Options:
  --no-court   skip the court portal (no Chromium needed)`,
  options: { 'no-court': { type: 'boolean' } },
  async run(ctx) {
    const dbPath = ctx.dbPath ?? process.env.SOZ_DB ?? DEFAULT_DEMO_DB;
    const started = Date.now();
    const progress = ctx.progress('crawl');
    let shownTotal = 0;
    let shownDone = 0;
    const result = await runDemo({
      dbPath,
      logger: ctx.logger,
      court: !ctx.values['no-court'],
      signal: ctx.signal,
      onProgress: (done, total, note) => {
        // Discovery keeps finding pages while others are fetched: the total only grows.
        const next = Math.max(total, done);
        if (next !== shownTotal) {
          shownTotal = next;
          progress.setTotal(next);
        }
        // Discovery and a source's end report progress too: only articles move the count.
        if (done > shownDone) progress.tick(done - shownDone, note);
        shownDone = done;
      },
    });
    progress.done();
    const say = (line = '') => process.stderr.write(`${line}\n`);
    say('');
    say('Sources:');
    for (const s of result.sources) {
      say(
        `  ${s.sourceId.padEnd(20)} ${s.status.padEnd(9)} found ${s.found}, new ${s.newItems}, updated ${s.updated}, unchanged ${s.unchanged}, failed ${s.failed}${s.errors.length ? ` (${s.errors.slice(0, 2).join('; ')})` : ''}`,
      );
    }
    if (result.browser && 'choice' in result.browser) {
      const { choice } = result.browser;
      say(`Court portal browser: ${choice.description}, because ${whyBrowser(choice)}.`);
    } else if (result.browser) {
      say(`Court portal browser: none (${result.browser.error}).`);
    }
    for (const line of formatDemoSummary(result.summary)) say(line);
    say('');
    say(
      `Digest of ${DEMO_MONTH} (English, classic layout) written to ${result.digestPath}; its first lines:`,
    );
    for (const line of result.digest.split('\n').slice(0, 12)) say(`  ${line}`);
    say('');
    const db = `--db ${result.dbPath}`;
    say('Nothing was confirmed automatically. To open the review queue:');
    say(`  npm run soz -- ${db} users add YOUR_NAME --role editor`);
    say(`  npm run soz -- ${db} review serve      # then open http://127.0.0.1:8080`);
    say(`  npm run soz -- ${db} review list       # or review from the command line`);
    say(
      `Other drafts: npm run soz -- ${db} digest --month ${DEMO_MONTH} --lang ru|kk|en --layout classic|blocks`,
    );
    say(`Demo finished in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return result.summary.candidates > 0 ? EXIT.ok : EXIT.failure;
  },
};
