// `npm run calibrate:real -- [--cv] [--write]`: the candidate decision refitted per language on the real dev set's
// spent parts (evaluation/calibrate-real.ts). --cv: leave-one-part-out figures first; --write: store the calibration
// in config/model/model.json (or --model FILE). Without the cache it says so and exits 0.
import { parseArgs } from 'node:util';
import settings from '../config/classifier.json' with { type: 'json' };
import { calibrateOnReal } from '../evaluation/index.ts';

const { values } = parseArgs({
  options: { cv: { type: 'boolean' }, write: { type: 'boolean' }, model: { type: 'string' } },
});
process.exitCode = calibrateOnReal(settings.threshold, {
  cv: values.cv,
  write: values.write,
  ...(values.model ? { modelPath: values.model } : {}),
});
