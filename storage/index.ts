// The public surface of storage/: nothing outside this folder writes SQL or touches a driver.

export * from './cases-repository.ts';
export * from './classifications-repository.ts';
export * from './copy-database.ts';
export * from './crawl-frontier-repository.ts';
export * from './crawl-leases-repository.ts';
export * from './crawl-runs-repository.ts';
export * from './dataset-repository.ts';
export { type DialectName, toNumber } from './dialect.ts';
export * from './fetch-state-repository.ts';
export * from './host-slots-repository.ts';
export * from './items-repository.ts';
export * from './known-media-repository.ts';
export * from './login-limits-repository.ts';
export { MIGRATIONS, schemaVersion } from './migrations/index.ts';
export * from './open-store.ts';
export * from './probe-database.ts';
export * from './review-queue-repository.ts';
export * from './review-repository.ts';
export * from './reviewer-additions-repository.ts';
export * from './sources-repository.ts';
export { serializeCandidateQueueing } from './transaction-locks.ts';
export * from './users-repository.ts';
