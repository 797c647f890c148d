/**
 * Prices as marketplaces write them, to a number of VND: "1.250.000 ₫", "1.250.000đ", "₫31,000",
 * "40000.00" (Lazada), 58000.0 (JSON-LD), 5000000000 (Shopee, VND × 100 000, see `fromShopeePrice`).
 */

/** A price in VND from a number or a display string; undefined when it is not a price. */
export function parseVndPrice(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  // Take the first number-looking run ("1.250.000 ₫ - 2.000.000 ₫" → the lower bound).
  const match = value.match(/\d[\d.,\s]*/);
  if (!match) return undefined;
  let digits = match[0].replace(/\s+/g, '').replace(/[.,]$/, '');
  // A trailing separator followed by one or two digits is a decimal part ("40000.00", "58000,5").
  const decimal = digits.match(/^(.*\d)[.,](\d{1,2})$/);
  let fraction = '';
  if (decimal && !/[.,]\d{3}$/.test(digits)) {
    digits = decimal[1];
    fraction = decimal[2];
  }
  const whole = digits.replace(/[.,]/g, '');
  if (!/^\d+$/.test(whole)) return undefined;
  const price = Number(fraction ? `${whole}.${fraction}` : whole);
  return Number.isFinite(price) ? price : undefined;
}

/** Shopee API prices are integer VND × 100 000; this gives VND (undefined for missing or negative values). */
export function fromShopeePrice(value: unknown): number | undefined {
  const raw = typeof value === 'string' ? Number(value) : value;
  if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 0) return undefined;
  return Math.round(raw / 100_000);
}
