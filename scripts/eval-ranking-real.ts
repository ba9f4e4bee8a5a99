// `npm run eval:ranking-real`: what the category model gains from the real dev set's violations, leave-one-part-out
// over the spent parts (evaluation/ranking-leave-one-part-out.ts). Takes a few minutes (a training per part). Without
// the cache it says so and exits 0, as the other real-set commands do.
import { EXCERPTS_PATH, rankingLeaveOnePartOut } from '../evaluation/index.ts';

const started = performance.now();
const tallies = rankingLeaveOnePartOut({ onPart: (p) => process.stderr.write(`${p} `) });
process.stderr.write('\n');
if (!tallies) {
  console.log(
    `real dev set: cache absent (${EXCERPTS_PATH}); nothing measured. Rebuild it with \`npm run real-dev -- build\` (docs/real-dev-set.md).`,
  );
} else {
  const f = (n: number, of: number) => (n / Math.max(1, of)).toFixed(3);
  console.log('ranking of true violations, each spent part left out of the category model it is ranked by');
  console.log('(the installed decision in both; a miss counts as wrong)');
  for (const [key, t] of [...tallies].sort(([a], [b]) =>
    a === 'all' ? -1 : b === 'all' ? 1 : a.localeCompare(b),
  )) {
    console.log(
      `  ${key.padEnd(4)} ${String(t.violations).padStart(5)} violations  base set alone top-1 ${f(t.baseOnly[0], t.violations)} top-2 ${f(t.baseOnly[1], t.violations)}  learnt from the other parts top-1 ${f(t.learnt[0], t.violations)} top-2 ${f(t.learnt[1], t.violations)}`,
    );
  }
  console.log(`(${Math.round((performance.now() - started) / 1000)} s)`);
}
