/**
 * A marketplace listing as ipwatch reads it, whatever the marketplace: the adapters turn a page or an
 * API response into this, and the matcher, the store and the extension all take it.
 */
import { z } from 'zod';
import { Marketplace } from './right.ts';

/** Whether a listing was live, gone or hidden behind a block when it was observed. */
export const ListingStatus = z.enum(['live', 'removed', 'blocked']);
export type ListingStatus = z.infer<typeof ListingStatus>;

/** One listing, as extracted from one page load. */
export const Listing = z
  .object({
    marketplace: Marketplace,
    externalId: z.string().min(1).max(200),
    url: z.string().url(),
    title: z.string().min(1).max(2000),
    description: z.string().max(100_000).optional(),
    price: z.number().nonnegative().optional(),
    currency: z.string().length(3).default('VND'),
    sellerId: z.string().max(200).optional(),
    sellerName: z.string().max(500).optional(),
    shopLocation: z.string().max(200).optional(),
    shipsFrom: z.string().max(200).optional(),
    categoryPath: z.array(z.string().max(300)).optional(),
    imageUrls: z.array(z.string().max(2000)).optional(),
    brand: z.string().max(300).optional(),
    officialStore: z.boolean().optional(),
    seenAt: z.string().datetime(),
  })
  .strict();
export type Listing = z.infer<typeof Listing>;
/** The input side of Listing (fields with defaults may be left out). */
export type ListingInput = z.input<typeof Listing>;
