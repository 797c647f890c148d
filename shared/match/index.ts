/**
 * The matcher: which protected rights a listing references, and why it may infringe. `buildMatcher`
 * indexes a register once; `match` normalises the title (and description) once, finds the hits with
 * their exact original spans, the cues the seller wrote, the signals from the listing's facts, a risk
 * score and the candidate legal basis. Pure functions, no I/O: runs in Node (crawler, CLI) and in the
 * extension. It proposes; an officer decides.
 */
import type { Listing } from '../schema/listing.ts';
import type { ListingMatch, MatchInput } from '../schema/match.ts';
import type { Right } from '../schema/right.ts';
import { normalizeText } from '../text/normalize.ts';
import { buildIndex, type MatchIndex } from './build.ts';
import { findCues, findSignals, legalBasis, riskOf } from './explain.ts';
import { findHits, type FoundHit, type ListingFacts } from './find.ts';
import { findProducts, goodsClasses } from './vocab.ts';

/** Options for one match. */
export interface MatchContext {
  /** Median observed price per right id (a ranking signal). */
  observedMedianPrice?: Record<string, number>;
}

/** A matcher built for one register. */
export interface Matcher {
  /** Match one listing. */
  match(listing: MatchInput, ctx?: MatchContext): ListingMatch;
  /** The register it was built from. */
  readonly rights: Right[];
}

/** Longest description text read (characters); listings paste whole catalogues into descriptions. */
const MAX_DESCRIPTION = 20_000;

function matchWith(index: MatchIndex, input: MatchInput, ctx?: MatchContext): ListingMatch {
  const title = normalizeText(input.title);
  let classes: ReturnType<typeof goodsClasses> | undefined;
  let catConcepts: Set<string> | undefined;
  const facts: ListingFacts = {
    classes: () => (classes ??= goodsClasses(title.tokens, input.category)),
    categoryConcepts: () => (catConcepts ??= new Set(input.category ? findProducts(normalizeText(input.category).tokens).map((p) => p.value.concept) : [])),
  };
  const allClasses = () => {
    const c = facts.classes();
    return new Set([...c.fromCategory, ...c.fromWords]);
  };
  const hits: FoundHit[] = findHits(index, input.title, title.tokens, 'title', facts);
  const cues = findCues(input.title, title.tokens, 'title', hits, allClasses);
  if (input.description) {
    const text = input.description.slice(0, MAX_DESCRIPTION);
    const desc = normalizeText(text);
    const dHits = findHits(index, text, desc.tokens, 'description', facts);
    hits.push(...dHits);
    cues.push(...findCues(text, desc.tokens, 'description', dHits, allClasses));
  }
  const signals = findSignals(input, hits, ctx);
  return {
    hits: hits.map(({ rightId, matched, start, end, field, method, score }) => ({ rightId, matched, start, end, field, method, score: Math.round(score * 1000) / 1000 })),
    cues,
    signals,
    risk: riskOf(hits, cues, signals),
    basis: legalBasis(hits, cues),
  };
}

/** Build a matcher for a register (the index is built once, here). */
export function buildMatcher(rights: Right[]): Matcher {
  const index = buildIndex(rights);
  return {
    rights,
    match: (listing, ctx) => matchWith(index, listing, ctx),
  };
}

/** The matcher's input for a stored listing. */
export function listingToMatchInput(listing: Listing): MatchInput {
  return {
    id: `${listing.marketplace}:${listing.externalId}`,
    title: listing.title,
    description: listing.description,
    marketplace: listing.marketplace,
    shopName: listing.sellerName,
    shopId: listing.sellerId,
    shopLocation: listing.shopLocation,
    shipsFrom: listing.shipsFrom,
    category: listing.categoryPath?.join(' > '),
    price: listing.price,
    url: listing.url,
    officialStore: listing.officialStore,
  };
}

/** Match a stored listing (an adapter from `Listing` to `MatchInput`). */
export function matchListing(matcher: Matcher, listing: Listing, ctx?: MatchContext): ListingMatch {
  return matcher.match(listingToMatchInput(listing), ctx);
}
