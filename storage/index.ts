// The public surface of storage/: nothing outside this folder writes SQL or touches a driver.

export * from './cases-repository.ts';
export * from './classifications-repository.ts';
export * from './crawl-frontier-repository.ts';
export * from './crawl-runs-repository.ts';
export * from './dataset-repository.ts';
export { type DialectName, toNumber } from './dialect.ts';
export * from './fetch-state-repository.ts';
export * from './items-repository.ts';
export { MIGRATIONS, schemaVersion } from './migrations/index.ts';
export * from './open-store.ts';
export * from './probe-database.ts';
export * from './review-queue-repository.ts';
export * from './review-repository.ts';
export * from './sources-repository.ts';
export * from './users-repository.ts';
