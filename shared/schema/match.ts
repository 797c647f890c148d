/**
 * What the matcher says about one listing: which rights it references (hits, with the exact span the
 * seller wrote), the counterfeit cues, the signals from the listing's facts, a risk score, and the
 * candidate legal basis. It proposes; an officer decides.
 */
import { z } from 'zod';

/** How a sign was found in the text. */
export const HitMethod = z.enum(['exact', 'folded', 'disguised', 'fuzzy', 'alias', 'compatibility']);
export type HitMethod = z.infer<typeof HitMethod>;

/** One occurrence of a protected sign in a listing's text. */
export const Hit = z.object({
  rightId: z.string(),
  matched: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  field: z.enum(['title', 'description']).default('title'),
  method: HitMethod,
  score: z.number().min(0).max(1),
});
export type Hit = z.infer<typeof Hit>;

/** A counterfeit cue or GI qualifier the seller wrote ("rep 1:1", "kiểu", …). */
export const Cue = z.object({
  kind: z.enum(['counterfeit', 'gi_qualifier']),
  cue: z.string(),
  matched: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  field: z.enum(['title', 'description']).default('title'),
  rightId: z.string().optional(),
});
export type Cue = z.infer<typeof Cue>;

/** A fact about the listing that raises or lowers suspicion. */
export const Signal = z.object({
  kind: z.enum([
    'authorized_seller',
    'official_store',
    'outside_region',
    'inside_region',
    'price_below_reference',
    'goods_mismatch',
    'goods_match',
  ]),
  rightId: z.string().optional(),
  weight: z.number().min(-1).max(1),
  detail: z.string(),
});
export type Signal = z.infer<typeof Signal>;

/** The candidate article of the Law on IP, with a reason an officer can paste into a report. */
export const LegalBasis = z.object({
  rightId: z.string(),
  article: z.enum(['129.1.a', '129.1.b', '129.1.c', '129.1.d', '129.3']),
  reasonVi: z.string(),
  reasonEn: z.string(),
});
export type LegalBasis = z.infer<typeof LegalBasis>;

/** The matcher's whole answer for one listing. */
export const ListingMatch = z.object({
  hits: z.array(Hit),
  cues: z.array(Cue),
  signals: z.array(Signal),
  risk: z.number().min(0).max(1),
  basis: z.array(LegalBasis),
});
export type ListingMatch = z.infer<typeof ListingMatch>;

/** One line of `ipwatch match` input. */
export const MatchInput = z
  .object({
    id: z.union([z.string(), z.number()]),
    title: z.string(),
    description: z.string().optional(),
    marketplace: z.string().optional(),
    shopName: z.string().optional(),
    shopId: z.string().optional(),
    shopLocation: z.string().optional(),
    shipsFrom: z.string().optional(),
    category: z.string().optional(),
    price: z.number().optional(),
    url: z.string().optional(),
    officialStore: z.boolean().optional(),
  })
  .passthrough();
export type MatchInput = z.infer<typeof MatchInput>;
