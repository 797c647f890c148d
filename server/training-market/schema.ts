/**
 * The shapes of the training marketplace's own data: the catalogue written by `build-catalogue.ts`
 * (sellers and products, each product offered on one or more sites) and the ground truth the server
 * publishes for every listing (is it infringing, which rights, what kind of listing it is). Every type
 * here is `z.infer` of its schema, and the catalogue is validated when it is loaded.
 */
import { z } from 'zod';

/** The five imitation sites, by the marketplace name the adapters use (`jsonld` is the plain shop). */
export const TrainingSite = z.enum(['shopee', 'lazada', 'tiki', 'sendo', 'jsonld']);
export type TrainingSite = z.infer<typeof TrainingSite>;

/** The URL path prefix of each site under the server's origin. */
export const SITE_PREFIX: Record<TrainingSite, string> = {
  shopee: '/shopee',
  lazada: '/lazada',
  tiki: '/tiki',
  sendo: '/sendo',
  jsonld: '/shop',
};

/** What a catalogue product is, for the ground truth (see README.md for the legal reading of each). */
export const ListingKind = z.enum([
  'official', // the rights holder's own (Mall) store
  'genuine', // a reseller of genuine goods
  'counterfeit', // the mark on fakes, with cues the seller writes ("rep 1:1", "siêu cấp"…)
  'counterfeit_silent', // the mark on fakes, no cue in the text (cheap, unknown seller)
  'disguised', // the mark written to dodge filters (N.i.k.e, Ｖｉｎａｍｉｌｋ, Cyrillic, zero-width…)
  'lookalike', // another brand that merely resembles a mark (Super vs Supor): not the mark
  'compatibility', // an accessory "cho iPhone": describes compatibility (Art. 125)
  'gi_inside', // a GI product from an authorised producer inside the region
  'gi_outside_region', // the GI name on a product from outside the region
  'gi_qualifier', // the GI with "kiểu", "loại", "phỏng theo", "style"… (Art. 129.3)
  'homonym', // a place name that is not the GI (bún bò Huế, táo đỏ Tân Cương, sữa Mộc Châu…)
  'filler', // unrelated goods
]);
export type ListingKind = z.infer<typeof ListingKind>;

/** A seller (shop), the same person on every site it sells on. */
export const Seller = z
  .object({
    key: z.string().min(1),
    name: z.string().min(1),
    location: z.string().min(1),
    official: z.boolean(),
  })
  .strict();
export type Seller = z.infer<typeof Seller>;

/** One product offered by one seller on one or more sites; each (product, site) pair is a listing. */
export const CatalogueItem = z
  .object({
    key: z.string().min(1),
    title: z.string().min(1),
    description: z.string(),
    price: z.number().int().positive(),
    listPrice: z.number().int().positive(),
    brand: z.string().optional(),
    category: z.array(z.string()).min(1),
    sellerKey: z.string().min(1),
    keywords: z.array(z.string()),
    sites: z.array(TrainingSite).min(1),
    kind: ListingKind,
    infringing: z.boolean(),
    rightIds: z.array(z.string()),
    sold: z.number().int().nonnegative(),
    hue: z.number().int(),
    /** Only on the server with faults on: the listing is gone when first crawled (stale in search). */
    removedAtStart: z.boolean().optional(),
    /** Only on the server with faults on: the listing was taken down and put back under a new id. */
    relistedAtStart: z.boolean().optional(),
  })
  .strict();
export type CatalogueItem = z.infer<typeof CatalogueItem>;

/** The whole catalogue file, data/training-market/catalogue.json. */
export const Catalogue = z
  .object({
    version: z.literal(1),
    seed: z.number().int(),
    rightsSource: z.record(z.string(), z.string()),
    rights: z.array(z.object({ id: z.string(), kind: z.string(), name: z.string(), product: z.string().optional() }).strict()),
    sellers: z.array(Seller),
    items: z.array(CatalogueItem),
  })
  .strict();
export type Catalogue = z.infer<typeof Catalogue>;

/** The truth about one listing, as `GET /__truth` and `startTrainingMarket().groundTruth` give it. */
export const GroundTruthEntry = z
  .object({
    marketplace: TrainingSite,
    externalId: z.string(),
    url: z.string(),
    infringing: z.boolean(),
    rightIds: z.array(z.string()),
    kind: ListingKind,
    /** live = readable now; removed = gone (404 / "không tồn tại"); a crawl cannot find removed ones. */
    status: z.enum(['live', 'removed']),
    itemKey: z.string(),
    title: z.string(),
    sellerName: z.string(),
    sellerId: z.string(),
    shopLocation: z.string(),
    /** For a re-listed listing: the externalId it had before it was taken down. */
    relistedFrom: z.string().optional(),
  })
  .strict();
export type GroundTruthEntry = z.infer<typeof GroundTruthEntry>;

/** Every listing on every site, removed ones included (status says which). */
export const GroundTruth = z.array(GroundTruthEntry);
export type GroundTruth = z.infer<typeof GroundTruth>;
