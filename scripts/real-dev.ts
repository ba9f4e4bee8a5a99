// `npm run real-dev -- <command>`: the real-text dev set (config/dev/real/manifest.jsonl + the git-ignored cache).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CATEGORY_IDS } from '../core/index.ts';
import {
  addGathered,
  applyGroups,
  applySplit,
  buildRealDev,
  checkSplit,
  EXCERPTS_PATH,
  excludedPages,
  labelCorrectionProblems,
  MANIFEST_PATH,
  manifestLine,
  manifestStats,
  mixedGroups,
  PARTS,
  type Part,
  queriesToRun,
  RESPONSES_DIR,
  readGroups,
  readLabelCorrections,
  readManifest,
  writeExcerpts,
} from '../evaluation/index.ts';

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    labeller: { type: 'string', default: 'devset-engineer' },
    // `add --part P` (P one of FRESH_PARTS): the new entries carry that part; the split never moves them.
    part: { type: 'string' },
    manifest: { type: 'string', default: MANIFEST_PATH },
    show: { type: 'string' },
    // Another answers folder, e.g. to check what a fresh machine would need: --responses /tmp/empty
    responses: { type: 'string', default: RESPONSES_DIR },
  },
});
const [command, ...rest] = positionals;

function partOption(value: string): Part {
  if (!PARTS.has(value)) {
    console.error(`--part must be one of ${[...PARTS].join(', ')}, not "${value}"`);
    process.exit(2);
  }
  return value as Part;
}

if (command === 'add') {
  for (const file of rest) {
    const report = addGathered(file, options.manifest!, {
      labeller: options.labeller!,
      responsesDir: options.responses!,
      ...(options.part ? { part: partOption(options.part) } : {}),
    });
    for (const e of report.added) {
      console.log(
        `${e.id} ${e.lang} ${e.kind.padEnd(9)} ${(e.category ?? 'none').padEnd(21)} ${e.alsoFits ?? ''}`.trimEnd(),
      );
    }
    for (const s of report.skipped) console.log(`skipped ${s}`);
    console.log(`${file}: ${report.added.length} added, ${report.skipped.length} skipped`);
  }
} else if (command === 'build') {
  // Verifies every manifest entry against the saved answers and writes only the excerpts whose hash matches.
  const entries = readManifest(options.manifest);
  const report = buildRealDev(entries, {
    responsesDir: options.responses!,
    excluded: excludedPages(entries.map((e) => e.url)),
  });
  // With another answers folder (--responses) this is a check of what that folder would give: the cache is kept.
  if (options.responses === RESPONSES_DIR) writeExcerpts(report.excerpts);
  else console.log(`--responses ${options.responses}: checked only, ${EXCERPTS_PATH} left as it was`);
  for (const p of report.problems) console.log(`${p.kind.padEnd(9)} ${p.id} ${p.detail}`);
  // A label corrected in place must match its log line (docs/real-dev-set.md): checked here as well as in CI, so a
  // gatherer who rebuilds the cache sees an edit made without a log line at once.
  const labels = labelCorrectionProblems(entries, readLabelCorrections());
  for (const p of labels) console.log(`label     ${p}`);
  console.log(
    `${report.excerpts.length} of ${entries.length} excerpts verified and written; ${report.problems.length + labels.length} problems`,
  );
  const toRun = queriesToRun(entries, report, options.responses);
  if (toRun.length > 0)
    console.log(`${toRun.length} queries still to run with the search tool: npm run real-dev -- queries`);
  if (options.show)
    for (const e of report.excerpts.slice(-Number(options.show)))
      console.log(`  ${e.id} | ${e.text.slice(0, 70)} … ${e.text.slice(-30)}`);
  if (report.problems.length + labels.length > 0) process.exitCode = 1;
} else if (command === 'queries') {
  // The look-ups a rebuild needs: every query whose saved answer is missing or lacks a result the manifest uses.
  const entries = readManifest(options.manifest);
  const toRun = queriesToRun(
    entries,
    buildRealDev(entries, { responsesDir: options.responses! }),
    options.responses,
  );
  for (const q of toRun) console.log(`${q.corpus}\t${q.file}\t${q.query}`);
  console.error(
    `${toRun.length} queries to run (corpus, answer file, query); save each answer as the tool prints it, then npm run real-dev -- build`,
  );
} else if (command === 'stats') {
  const entries = readManifest(options.manifest);
  const groups = readGroups();
  const s = manifestStats(entries, groups);
  for (const [url, gs] of mixedGroups(entries, groups))
    console.log(
      `warning: ${url} has excerpts in several event groups (${gs.join(', ')}): the split may divide it`,
    );
  console.log(
    `${s.total} excerpts from ${s.pages} pages; ${s.candidates} candidates; ${s.withSecondCategory} with a second category`,
  );
  for (const [lang, c] of Object.entries(s.byLang))
    console.log(`  ${lang}: ${c.total} (${c.candidates} candidates)`);
  console.log(
    `  kinds ${JSON.stringify(s.byKind)}; sources ${JSON.stringify(s.bySource)}; scripts ${JSON.stringify(s.byScript)}`,
  );
  console.log('\ncategory               kk   ru   en');
  for (const id of [...CATEGORY_IDS, 'none']) {
    const row = s.byCategory[id] ?? {};
    console.log(
      `  ${id.padEnd(21)}${['kk', 'ru', 'en'].map((l) => String(row[l] ?? 0).padStart(5)).join('')}`,
    );
  }
  for (const [part, langs] of Object.entries(s.byPart)) {
    console.log(
      `\npart ${part}: ${Object.entries(langs)
        .map(([l, c]) => `${l} ${c.total} (${c.candidates} cand.)`)
        .join(', ')}`,
    );
    console.log(
      `  ${Object.entries(s.categoryByPart[part] ?? {})
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
    );
  }
} else if (command === 'split') {
  // Once: event groups (config/dev/real/groups.json), then each entry's side by the hash of its group (or page).
  const entries = applySplit(applyGroups(readManifest(options.manifest), readGroups()));
  const check = checkSplit(entries);
  for (const p of check.problems) console.log(`problem: ${p}`);
  for (const lang of ['kk', 'ru', 'en'])
    for (const part of ['tuning', 'heldout']) {
      const xs = entries.filter((e) => e.lang === lang && e.part === part);
      console.log(
        `${lang} ${part.padEnd(8)} ${xs.length} (${xs.filter((e) => e.candidate).length} violations)`,
      );
    }
  console.log(`held-out share ${(check.heldoutShare * 100).toFixed(1)}%`);
  if (check.problems.length > 0) process.exitCode = 1;
  else writeFileSync(options.manifest!, `${entries.map(manifestLine).join('\n')}\n`);
} else {
  console.error('usage: npm run real-dev -- add BATCH.jsonl … | build [--show N] | queries | stats | split');
  process.exit(2);
}
