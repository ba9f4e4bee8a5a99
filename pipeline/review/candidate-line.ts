// The classifier's candidate line (config/classifier.json "threshold"): what the "most uncertain first"
// queue order measures each score against. Read from the classifier's own configuration, not repeated. A model
// calibrated on real text decides some languages by lines of their own (0.34 kk, 0.32 ru in the committed model);
// the queue order still measures every language against this one line, a few hundredths off for those.
import settings from '../../config/classifier.json' with { type: 'json' };

export const CANDIDATE_LINE: number = settings.threshold;
