export * from './content-hash.ts';
export * from './errors.ts';
export * from './legal-case.ts';
export * from './logger.ts';
export * from './month.ts';
export * from './paths.ts';
export * from './records.ts';
export * from './taxonomy.ts';
