// The classifier's candidate line (config/classifier.json "threshold"): what the "most uncertain first"
// queue order measures each score against. Read from the classifier's own configuration, not repeated.
import settings from '../../config/classifier.json' with { type: 'json' };

export const CANDIDATE_LINE: number = settings.threshold;
