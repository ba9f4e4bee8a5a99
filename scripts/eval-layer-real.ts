// `npm run eval:layer-real`: what the real-text layer is worth on text it has not learnt from, leave-one-part-out over
// the real dev set's spent parts (evaluation/real-layer.ts): per language, the base decision beside the layer learnt
// from the other parts. A few minutes (a training per part). Without the cache it says so and exits 0, as the other
// real-set commands do.
// --per-part adds a line per part: the last parts measured before their lexicon changes are where the base decision
// is out of sample too (docs/real-dev-set.md says which).
import { EXCERPTS_PATH, layerLeaveOnePartOut } from '../evaluation/index.ts';

const perPart = process.argv.includes('--per-part');

const started = performance.now();
const tallies = layerLeaveOnePartOut({ onPart: (p) => process.stderr.write(`${p} `) });
process.stderr.write('\n');
if (!tallies) {
  console.log(
    `real dev set: cache absent (${EXCERPTS_PATH}); nothing measured. Rebuild it with \`npm run real-dev -- build\` (docs/real-dev-set.md).`,
  );
} else {
  const prf = (found: number, alarms: number, violations: number) => {
    const p = found / Math.max(1, found + alarms);
    const r = found / Math.max(1, violations);
    const f1 = p + r > 0 ? (2 * p * r) / (p + r) : 0;
    return `P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f1.toFixed(3)}`;
  };
  console.log('candidate decisions on each spent part, left out of the layer it is decided by');
  console.log("(the base decision was tuned on these parts: its figures are in-sample; the layer's are not)");
  const rows = [...tallies].filter(([key]) => perPart || !key.startsWith('part:'));
  for (const [key, t] of rows.sort(([a], [b]) =>
    a === 'all' ? -1 : b === 'all' ? 1 : a.localeCompare(b, 'en', { numeric: true }),
  )) {
    console.log(
      `  ${key.padEnd(perPart ? 13 : 5)} ${String(t.texts).padStart(5)} texts ${String(t.violations).padStart(5)} violations  base ${prf(t.base[0], t.base[1], t.violations)}  layer ${prf(t.layer[0], t.layer[1], t.violations)}`,
    );
  }
  console.log(`(${Math.round((performance.now() - started) / 1000)} s)`);
}
