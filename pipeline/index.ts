// The stages an item goes through: decode → extract → normalise → deduplicate → language → classify →
// store as candidate → review → promote to the dataset → digest.
export * from './ingest-article.ts';
export * from './queue-candidate.ts';
