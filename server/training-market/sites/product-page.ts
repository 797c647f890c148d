/**
 * The visible part of a server-rendered product page, shared by the Lazada-, Tiki-, Sendo-like sites
 * and the plain shop: picture, title, price "1.250.000 ₫", seller and where it ships from, brand,
 * breadcrumb and description, all escaped. Each site wraps it with its own data (JSON-LD, __NEXT_DATA__…).
 */
import { escapeHtml, formatVnd } from '../html.ts';
import type { SiteListing } from '../market.ts';

/** The product's HTML body; `sellerHref` links the shop name when the site has shop pages. */
export function productBody(l: SiteListing, image: string, opts: { sellerLabel?: string; mall?: string } = {}): string {
  const it = l.item;
  const discount = it.listPrice > l.price ? `<div class="old-price"><s>${escapeHtml(formatVnd(it.listPrice))}</s> -${Math.round((1 - l.price / it.listPrice) * 100)}%</div>` : '';
  return `<nav class="breadcrumb">${it.category.map((c) => `<span>${escapeHtml(c)}</span>`).join(' › ')}</nav>
<div class="product">
<img src="${escapeHtml(image)}" alt="${escapeHtml(it.title)}">
<div class="info">
${l.seller.official && opts.mall ? `<span class="mall-badge">${escapeHtml(opts.mall)}</span>` : ''}
<h1 class="product-title">${escapeHtml(it.title)}</h1>
<div class="price" data-price="${l.price}">${escapeHtml(formatVnd(l.price))}</div>
${discount}
<div class="brand">Thương hiệu: ${escapeHtml(it.brand ?? 'No Brand')}</div>
<div class="seller"><span class="seller-label">${escapeHtml(opts.sellerLabel ?? 'Nhà bán')}:</span> <span class="seller-name">${escapeHtml(l.seller.name)}</span></div>
<div class="location">Gửi từ: <span class="seller-location">${escapeHtml(l.seller.location)}</span></div>
<div class="sold">Đã bán ${it.sold}</div>
</div></div>
<h2>Mô tả sản phẩm</h2>
<div class="desc">${escapeHtml(it.description)}</div>`;
}

/** A search results grid of server-rendered cards. */
export function cardsGrid(cards: Array<{ href: string; image: string; title: string; price: number; seller: string; location: string; cls?: string }>): string {
  return `<div class="grid">${cards
    .map(
      (c) => `<a class="card ${c.cls ?? ''}" href="${escapeHtml(c.href)}"><img src="${escapeHtml(c.image)}" alt="${escapeHtml(c.title)}" loading="lazy"><div class="name">${escapeHtml(c.title)}</div><div class="price">${escapeHtml(formatVnd(c.price))}</div><div class="seller">${escapeHtml(c.seller)} · ${escapeHtml(c.location)}</div></a>`,
    )
    .join('\n')}</div>`;
}

/** Previous/next links for a 1-based page. */
export function pagerLinks(page: number, lastPage: number, hrefOf: (p: number) => string): string {
  const prev = page > 1 ? `<a class="prev" rel="prev" href="${escapeHtml(hrefOf(page - 1))}">‹ Trang trước</a>` : '';
  const next = page < lastPage ? `<a class="next" rel="next" href="${escapeHtml(hrefOf(page + 1))}">Trang sau ›</a>` : '';
  return `<div class="pager">${prev}<span>Trang ${page}/${lastPage}</span> ${next}</div>`;
}
