/**
 * The training marketplace's state: every catalogue product placed on each of its sites as a listing
 * with that site's kind of ids and URL, a search that works like the real sites' (folded keywords over
 * the title and the seller's hidden tags, so homonyms come up too), the lifecycle of listings
 * (live, removed, re-listed under a new id by the same seller) and the ground truth derived from it.
 */
import { foldText } from '../../shared/text/fold.ts';
import { hashString } from './random.ts';
import { slugify } from './html.ts';
import { SITE_PREFIX, type Catalogue, type CatalogueItem, type GroundTruth, type GroundTruthEntry, type Seller, type TrainingSite } from './schema.ts';

/** One product on one site. */
export interface SiteListing {
  site: TrainingSite;
  item: CatalogueItem;
  seller: Seller;
  /** The id adapters read as `externalId`: `<shopid>.<itemid>` on Shopee, the item id on the other numeric sites, the slug on the plain shop. */
  externalId: string;
  /** The numeric item id (Shopee itemid, Lazada itemId, Tiki id, Sendo product_id, shop product number). */
  num: number;
  /** Lazada's sku id; other sites use `num`. */
  skuId: number;
  /** The seller's id on this site (Shopee shopid, Lazada sellerId, Tiki seller id, Sendo shop_id). */
  shopId: number;
  slug: string;
  /** Price on this site in VND (sites differ a little). */
  price: number;
  status: 'live' | 'removed';
  /** Whether the site's search still shows it (a removed listing can linger in a stale index). */
  inSearch: boolean;
  relistedFrom?: string;
  /** Folded title and tags, for search. */
  searchText: string;
  /** Image id served by the site (`/file/<id>` on Shopee, `/img/<id>.svg` elsewhere). */
  imageId: string;
}

const ID_BASE: Record<TrainingSite, number> = { shopee: 20_100_000_000, lazada: 2_300_000_000, tiki: 270_000_000, sendo: 39_000_000, jsonld: 10_000 };
const SHOP_BASE: Record<TrainingSite, number> = { shopee: 100_000_000, lazada: 100_200_000, tiki: 40_000, sendo: 860_000, jsonld: 1 };

/** Listings of all five sites with search, look-ups by id and the admin operations tests use. */
export class Market {
  readonly catalogue: Catalogue;
  private readonly bySite = new Map<TrainingSite, SiteListing[]>();
  private readonly byId = new Map<string, SiteListing>();
  private readonly byNum = new Map<string, SiteListing>();
  private readonly images = new Map<string, CatalogueItem>();
  private readonly sellers = new Map<string, Seller>();
  private readonly shopIds = new Map<string, number>();
  private readonly counters = new Map<TrainingSite, number>();

  /** Places the catalogue on the sites; with `faults` the catalogue's removed/re-listed products start that way. */
  constructor(catalogue: Catalogue, opts: { faults: boolean }) {
    this.catalogue = catalogue;
    for (const s of catalogue.sellers) this.sellers.set(s.key, s);
    catalogue.sellers.forEach((s, i) => this.shopIds.set(s.key, i));
    for (const item of catalogue.items) {
      for (const site of item.sites) {
        const listing = this.place(site, item);
        if (opts.faults && item.removedAtStart) listing.status = 'removed';
        if (opts.faults && item.relistedAtStart) this.relist(site, listing.externalId);
      }
    }
  }

  /** All listings of a site, in catalogue order. */
  listings(site: TrainingSite): SiteListing[] {
    return this.bySite.get(site) ?? [];
  }

  /** A listing by its site and externalId (removed ones included); on Shopee the bare itemid works too. */
  get(site: TrainingSite, externalId: string): SiteListing | undefined {
    return this.byId.get(`${site}:${externalId}`) ?? this.byNum.get(`${site}:${externalId}`);
  }

  /** The catalogue product an image id draws. */
  imageItem(imageId: string): CatalogueItem | undefined {
    return this.images.get(imageId);
  }

  /** The seller of a shop id on a site, if any. */
  sellerByShopId(site: TrainingSite, shopId: number): Seller | undefined {
    const idx = shopId - SHOP_BASE[site];
    const s = this.catalogue.sellers[site === 'jsonld' ? idx : (idx - (idx % 7)) / 7];
    return s && this.shopIdOf(site, s) === shopId ? s : undefined;
  }

  /** Search like the real sites: every folded query word must be a word of the title or tags; best sellers first. */
  search(site: TrainingSite, query: string): SiteListing[] {
    const words = foldText(query).split(' ').filter(Boolean);
    if (words.length === 0) return [];
    const hits = this.listings(site).filter((l) => l.inSearch && words.every((w) => l.searchText.includes(` ${w} `)));
    return hits.sort((a, b) => b.item.sold - a.item.sold || a.num - b.num);
  }

  /** Takes a listing down: its page answers "không tồn tại" and search stops showing it. */
  remove(site: TrainingSite, externalId: string): SiteListing {
    const l = this.mustGet(site, externalId);
    l.status = 'removed';
    l.inSearch = false;
    return l;
  }

  /** Puts a removed listing back under the same id. */
  restore(site: TrainingSite, externalId: string): SiteListing {
    const l = this.mustGet(site, externalId);
    l.status = 'live';
    l.inSearch = true;
    return l;
  }

  /** Takes a listing down and lists the same product again from the same seller under a new id. */
  relist(site: TrainingSite, externalId: string): { old: SiteListing; listing: SiteListing } {
    const old = this.remove(site, externalId);
    const listing = this.place(site, old.item);
    listing.relistedFrom = old.externalId;
    return { old, listing };
  }

  /** The URL of a listing under a site base URL (`http://127.0.0.1:PORT/shopee`). */
  urlOf(l: SiteListing, base: string): string {
    switch (l.site) {
      case 'shopee':
        return `${base}/${encodeURIComponent(shopeeSlug(l.item.title))}-i.${l.shopId}.${l.num}`;
      case 'lazada':
        return `${base}/products/${l.slug}-i${l.num}-s${l.skuId}.html`;
      case 'tiki':
        return `${base}/${l.slug}-p${l.num}.html`;
      case 'sendo':
        return `${base}/${l.slug}-${l.num}.html`;
      case 'jsonld':
        return `${base}/products/${l.externalId}`;
    }
  }

  /** The truth about every listing, with URLs under `origin` (`http://127.0.0.1:PORT`). */
  groundTruth(origin: string): GroundTruth {
    const out: GroundTruthEntry[] = [];
    for (const [site, listings] of this.bySite) {
      const base = origin + SITE_PREFIX[site];
      for (const l of listings) {
        out.push({
          marketplace: site,
          externalId: l.externalId,
          url: this.urlOf(l, base),
          infringing: l.item.infringing,
          rightIds: l.item.rightIds,
          kind: l.item.kind,
          status: l.status,
          itemKey: l.item.key,
          title: l.item.title,
          sellerName: l.seller.name,
          sellerId: site === 'jsonld' ? l.seller.name : String(l.shopId),
          shopLocation: l.seller.location,
          ...(l.relistedFrom ? { relistedFrom: l.relistedFrom } : {}),
        });
      }
    }
    return out;
  }

  private mustGet(site: TrainingSite, externalId: string): SiteListing {
    const l = this.get(site, externalId);
    if (!l) throw new Error(`training market: no ${site} listing with externalId "${externalId}"`);
    return l;
  }

  private shopIdOf(site: TrainingSite, seller: Seller): number {
    const idx = this.shopIds.get(seller.key)!;
    return site === 'jsonld' ? SHOP_BASE[site] + idx : SHOP_BASE[site] + idx * 7 + (hashString(seller.key + site) % 7);
  }

  private place(site: TrainingSite, item: CatalogueItem): SiteListing {
    const n = this.counters.get(site) ?? 0;
    this.counters.set(site, n + 1);
    const h = hashString(`${site}:${item.key}:${n}`);
    const num = ID_BASE[site] + n * 97 + (h % 97);
    const seller = this.sellers.get(item.sellerKey);
    if (!seller) throw new Error(`catalogue item ${item.key}: unknown sellerKey "${item.sellerKey}"`);
    const slug = slugify(item.title);
    const shopId = this.shopIdOf(site, seller);
    const externalId = site === 'jsonld' ? `${slug}-sp${num}` : site === 'shopee' ? `${shopId}.${num}` : String(num);
    const imageId = (hashString(`img:${site}:${num}`).toString(16).padStart(8, '0') + h.toString(16).padStart(8, '0')).repeat(2);
    const wobble = site === 'shopee' ? 1 : 1 + ((h % 11) - 5) / 100;
    const listing: SiteListing = {
      site,
      item,
      seller,
      externalId,
      num,
      skuId: site === 'lazada' ? num + 700_000_000 + (h % 1000) : num,
      shopId,
      slug,
      price: Math.max(1000, Math.round((item.price * wobble) / 1000) * 1000),
      status: 'live',
      inSearch: true,
      searchText: ` ${foldText([item.title, ...item.keywords].join(' '))} `,
      imageId,
    };
    this.images.set(imageId, item);
    const list = this.bySite.get(site) ?? [];
    list.push(listing);
    this.bySite.set(site, list);
    this.byId.set(`${site}:${externalId}`, listing);
    this.byNum.set(`${site}:${num}`, listing);
    return listing;
  }
}

/** Shopee's URL slug: the title with every run of non-letters turned into one hyphen (diacritics kept). */
export function shopeeSlug(title: string): string {
  return title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 120) || 'san-pham';
}
