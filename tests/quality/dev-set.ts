/**
 * The quality engineer's development set: hand labels for real marketplace titles, stored by
 * `platform` + `item_id` only (`dev-labels.csv`), and the real titles themselves, read at run time
 * from `../shared/data/titles_dev.csv.gz` (public data collected by others, never copied into this
 * repository). A label row says which rights the listing really references as a brand claim,
 * counterfeit or GI for its product (`rights`), and which it names only to describe what an accessory
 * fits (`compat`, Art. 125). Both lists use `|` between right ids; an empty row is a negative.
 * Node only (reads files).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** Where the real titles are expected (outside the repository, next to it). */
export const DEV_TITLES_PATH = fileURLToPath(new URL('../../../shared/data/titles_dev.csv.gz', import.meta.url));

/** The label file, relative to this module. */
export const DEV_LABELS_PATH = fileURLToPath(new URL('./dev-labels.csv', import.meta.url));

/** One real listing from titles_dev (the columns the matcher can use). */
export interface DevTitle {
  platform: string;
  itemId: string;
  shopId: string;
  title: string;
  price?: number;
  shopName?: string;
  shopLocation?: string;
  category?: string;
  url?: string;
}

/** One hand label: the listing it is about and what it references. */
export interface DevLabel {
  /** `platform:item_id`, the key into the titles. */
  key: string;
  platform: string;
  itemId: string;
  rights: string[];
  compat: string[];
  note: string;
  /** 1-based line in dev-labels.csv, for error messages. */
  line: number;
}

/** `platform:item_id` for a listing. */
export function devKey(platform: string, itemId: string): string {
  return `${platform}:${itemId}`;
}

function splitIds(cell: string | undefined): string[] {
  return (cell ?? '').split('|').map((s) => s.trim()).filter(Boolean);
}

/** Read dev-labels.csv (throws naming the line when a row is malformed). */
export function loadDevLabels(path = DEV_LABELS_PATH): DevLabel[] {
  const rows = parseCsv(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.map((r, i) => {
    const line = i + 2;
    if (!r.platform || !r.item_id) throw new Error(`${path}:${line}: platform and item_id are required`);
    return {
      key: devKey(r.platform, r.item_id),
      platform: r.platform,
      itemId: r.item_id,
      rights: splitIds(r.rights),
      compat: splitIds(r.compat),
      note: r.note ?? '',
      line,
    };
  });
}

/** True when the real titles are available on this machine. */
export function devTitlesAvailable(path = DEV_TITLES_PATH): boolean {
  return existsSync(path);
}

/** Read every real title, keyed by `platform:item_id`, exactly as written (some are in decomposed Unicode: the matcher must cope). */
export function loadDevTitles(path = DEV_TITLES_PATH): Map<string, DevTitle> {
  const rows = parseCsv(gunzipSync(readFileSync(path)), { columns: true, relax_column_count: true, skip_empty_lines: true }) as Record<string, string>[];
  const out = new Map<string, DevTitle>();
  for (const r of rows) {
    const price = Number(r.price_vnd);
    out.set(devKey(r.platform, r.item_id), {
      platform: r.platform,
      itemId: r.item_id,
      shopId: r.shop_id,
      title: r.title ?? '',
      price: Number.isFinite(price) && price > 0 ? price : undefined,
      shopName: r.shop_name || undefined,
      shopLocation: r.shop_location || undefined,
      category: r.category && r.category !== 'None > None' ? r.category : undefined,
      url: r.url || undefined,
    });
  }
  return out;
}
