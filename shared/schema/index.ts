/** All of ipwatch's schemas: every type in the project is `z.infer` of one of these. */
export * from './right.ts';
export * from './listing.ts';
export * from './match.ts';
export * from './evidence.ts';
export * from './review.ts';
export * from './service.ts';
export * from './page.ts';
