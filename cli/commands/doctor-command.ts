// `soz doctor`: which browser, database and Node this installation would use, the configuration files it
// found, and what is missing or invalid with the fix for each. Exits 1 when something blocking is wrong.
import { EXIT } from '../../core/index.ts';
import type { Command } from '../command.ts';
import { type DoctorCheck, runDoctor } from '../doctor/run-doctor.ts';

const MARK: Record<DoctorCheck['status'], string> = { ok: 'ok     ', warning: 'warning', error: 'ERROR  ' };

export function formatDoctorReport(checks: readonly DoctorCheck[]): string[] {
  const width = Math.max(...checks.map((c) => c.label.length));
  const lines: string[] = [];
  for (const c of checks) {
    lines.push(`${MARK[c.status]}  ${c.label.padEnd(width)}  ${c.summary}`);
    if (c.fix) lines.push(`${' '.repeat(9 + width + 2)}fix: ${c.fix}`);
  }
  const errors = checks.filter((c) => c.status === 'error').length;
  const warnings = checks.filter((c) => c.status === 'warning').length;
  lines.push('');
  lines.push(
    errors > 0
      ? `${errors} problem${errors === 1 ? '' : 's'} to fix before Soz Monitor can do all its work${warnings ? `, and ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}.`
      : `Everything Soz Monitor needs is in place${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}.`,
  );
  return lines;
}

export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'check the browser, database, Node version and configuration files, with the fix for each problem',
  help: `Usage: soz [--db PATH] doctor [--json]

Prints, one line each:
  - the browser the court crawler and the browser tests would use, why, and its version (in order of
    preference: $SOZ_CHROMIUM, Debian's /usr/bin/chromium, the Chromium bundled by npm ci in @sparticuz/chromium);
  - the database (SQLite file or PostgreSQL URL without its password, from --db, $SOZ_DB, $DATABASE_URL or
    the default), whether it can be reached and its schema version; nothing is created or migrated;
  - the Node version against package.json's engines;
  - the configuration files: sources, crawl, court, taxonomy, lexicons, models, review server, review UI
    wording, digest wording; each read by the loader the program itself uses.
Anything missing or invalid comes with its fix. Exit code 1 when something blocking is wrong (warnings
do not count), 0 otherwise.

Options:
  --json   one JSON object: { ok, checks: [{ id, label, status, summary, fix?, details? }] }`,
  options: { json: { type: 'boolean' } },
  async run(ctx) {
    const report = await runDoctor({ dbPath: ctx.dbPath });
    if (ctx.values.json) ctx.out(JSON.stringify(report));
    else for (const line of formatDoctorReport(report.checks)) ctx.out(line);
    return report.ok ? EXIT.ok : EXIT.failure;
  },
};
