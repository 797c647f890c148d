/**
 * The register entry: one protected right (a mark, a collective or certification mark, or a
 * geographical indication). This is also ipwatch's import format (JSON array, JSONL, or CSV with the
 * same column names and `|` between multiple values); other tools write it, so unknown fields are an
 * error rather than silently dropped.
 */
import { z } from 'zod';

/** The four kinds of right ipwatch protects. */
export const RightKind = z.enum(['mark', 'collective_mark', 'certification_mark', 'gi']);
export type RightKind = z.infer<typeof RightKind>;

/** The marketplaces ipwatch knows; `jsonld` is any shop that publishes schema.org Product data. */
export const Marketplace = z.enum(['shopee', 'lazada', 'tiki', 'sendo', 'tiktok', 'jsonld']);
export type Marketplace = z.infer<typeof Marketplace>;

/** A date written as YYYY-MM-DD. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/** A seller allowed to use the right on a marketplace (by shop id or shop name). */
export const AuthorizedSeller = z
  .object({
    marketplace: Marketplace,
    shopId: z.string().min(1).optional(),
    shopName: z.string().min(1).optional(),
  })
  .strict()
  .refine((s) => s.shopId !== undefined || s.shopName !== undefined, {
    message: 'an authorised seller needs a shopId or a shopName',
  });
export type AuthorizedSeller = z.infer<typeof AuthorizedSeller>;

/** Where a register row came from (kept for the bundled GIs so every fact has its source). */
export const RightSource = z.string().min(1);

/** One protected right, exactly as imported. */
export const Right = z
  .object({
    id: z.string().min(1).max(200).regex(/^[A-Za-z0-9._:-]+$/, 'use letters, digits, . _ : - only'),
    kind: RightKind,
    name: z.string().trim().min(1).max(200),
    aliases: z.array(z.string().trim().min(1).max(200)).optional(),
    product: z.string().trim().min(1).max(200).optional(),
    goods: z.string().max(4000).optional(),
    niceClasses: z.array(z.number().int().min(1).max(45)).optional(),
    region: z.array(z.string().trim().min(1)).optional(),
    owner: z.string().max(500).optional(),
    registrationNo: z.string().max(200).optional(),
    filingDate: IsoDate.optional(),
    grantDate: IsoDate.optional(),
    expiryDate: IsoDate.optional(),
    wellKnown: z.boolean().optional(),
    authorizedSellers: z.array(AuthorizedSeller).optional(),
    referencePrice: z.number().positive().optional(),
    source: RightSource.optional(),
    note: z.string().max(2000).optional(),
  })
  .strict();
export type Right = z.infer<typeof Right>;

/** A whole register: rights with unique ids. */
export const Register = z.array(Right).superRefine((rights, ctx) => {
  const seen = new Map<string, number>();
  rights.forEach((r, i) => {
    const first = seen.get(r.id);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate id "${r.id}" (first used by record ${first + 1})` });
    } else seen.set(r.id, i);
  });
});
export type Register = z.infer<typeof Register>;
