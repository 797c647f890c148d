/**
 * The evidence store's public face (Node only): `openStore()` opens or creates the SQLite file with its
 * blobs folder beside it; `registerMigration()` lets another area add its own tables; the custody hash
 * helpers let a verifier recompute the chain outside the store.
 */
export { Store, openStore, resolveDbPath, listingKeyOf, DEFAULT_DB_PATH } from './store.ts';
export type { ObservationSummary, ListedFinding, FindingFilter, StoredReviewEvent, CaseView, RunSummary, VerifyProblem, StoreCounts } from './store.ts';
export { registerMigration, allMigrations, STORE_MIGRATIONS, type Migration } from './migrations.ts';
export { GENESIS_HASH, custodyHash, checkChain } from './custody.ts';
export { BlobStore, sha256Of } from './blobs.ts';
export { deriveStatus, nextStatus, UNDER_ACTION } from './status.ts';
