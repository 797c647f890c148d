/**
 * Page-state detection shared by all adapters: HTTP status first (429, 404/410, 401/403, 5xx), then
 * block URLs (`/verify/traffic`, `/login`…), then whether the adapter found its data, and only for a
 * page without data the tell-tale text of captcha pages, login walls and removed listings (Vietnamese
 * and English). Checking for data before text means a seller cannot hide a listing by writing
 * "captcha" in its title, and a captcha page answered 200 is never parsed.
 */
import type { PageState } from '../../schema/index.ts';
import { PageNotListingError } from './errors.ts';

const CAPTCHA_URL = /\/(verify\/(traffic|captcha)|captcha|punish)/i;
const LOGIN_URL = /\/((buyer|user|customer\/account)\/)?(login|signin|sign-in|dang-nhap)(\/|$|\?|\.html)/i;

const CAPTCHA_SCRIPT = /g-recaptcha|recaptcha\/api|hcaptcha\.com|geetest|x5secdata|baxia-punish|captcha-container|id="captcha/i;
const CAPTCHA_TEXT =
  /captcha|xác minh[^.]{0,60}(người máy|robot|bạn là người|không phải)|kéo thanh trượt|trượt để xác minh|slide to (verify|complete)|verify (that )?you are (a )?human|unusual traffic|lưu lượng truy cập bất thường|are you a robot|truy cập bất thường/i;
const LOGIN_TEXT =
  /(vui lòng|bạn cần|bạn phải|hãy) đăng nhập|đăng nhập để (tiếp tục|xem|mua)|please (log|sign) in|(log|sign) in to (continue|view)|login required|yêu cầu đăng nhập/i;
const REMOVED_TEXT =
  /(sản phẩm|trang|mặt hàng|gian hàng|item|product|page)[^.<]{0,40}(không tồn tại|đã bị xó[aá]|đã bị gỡ|không còn (tồn tại|được bán|bán)|ngừng kinh doanh|đã ngừng bán|not found|no longer available|does not exist|has been removed)|item not found|404 not found|không tìm thấy sản phẩm/i;

/** The page state implied by an HTTP status alone (undefined for 2xx/3xx or no status). */
export function stateFromStatus(status: number | undefined): PageState | undefined {
  if (status === undefined || status < 400) return undefined;
  if (status === 429) return { kind: 'rate-limited', reason: 'quá nhiều yêu cầu / HTTP 429 Too Many Requests' };
  if (status === 404 || status === 410) return { kind: 'removed', reason: `không còn tồn tại / HTTP ${status}` };
  if (status === 401) return { kind: 'login', reason: 'cần đăng nhập / HTTP 401 (login required)' };
  if (status === 403) return { kind: 'captcha', reason: 'bị sàn chặn / HTTP 403 (blocked by the marketplace)' };
  return { kind: 'error', reason: `lỗi máy chủ / HTTP ${status}` };
}

/** The page state implied by the URL (a captcha or login redirect target), or undefined. */
export function stateFromUrl(url: string): PageState | undefined {
  let path: string;
  try {
    const u = new URL(url);
    path = u.pathname;
  } catch {
    return { kind: 'error', reason: `địa chỉ không hợp lệ / not a valid URL: ${url.slice(0, 200)}` };
  }
  if (LOGIN_URL.test(path)) return { kind: 'login', reason: `trang đăng nhập / login URL ${path}` };
  if (CAPTCHA_URL.test(path)) return { kind: 'captcha', reason: `trang xác minh / captcha URL ${path}` };
  return undefined;
}

/** Visible text of an HTML page (scripts, styles and tags removed), cheaply, for marker matching. */
function visibleText(text: string): string {
  return text
    .replace(/<script\b[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style\b[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

/** The state implied by the text of a page that has no listing data: captcha, login, removed, or undefined. */
export function stateFromText(text: string): PageState | undefined {
  if (CAPTCHA_SCRIPT.test(text)) return { kind: 'captcha', reason: 'trang có captcha / captcha widget in the page' };
  const visible = visibleText(text).slice(0, 20_000);
  const captcha = CAPTCHA_TEXT.exec(visible);
  if (captcha) return { kind: 'captcha', reason: `trang xác minh / captcha text "${captcha[0].slice(0, 80)}"` };
  const login = LOGIN_TEXT.exec(visible);
  if (login) return { kind: 'login', reason: `yêu cầu đăng nhập / login wall text "${login[0].slice(0, 80)}"` };
  const removed = REMOVED_TEXT.exec(visible);
  if (removed) return { kind: 'removed', reason: `tin đã bị gỡ / removed-listing text "${removed[0].slice(0, 80)}"` };
  return undefined;
}

/** How an adapter tells the common classifier about a page: does it hold the data this URL should have? */
export interface PageProbe {
  /** True when the page holds the data its URL kind promises (a product, or a search result structure). */
  hasData: boolean;
  /** A state the adapter read from the data itself (e.g. Shopee `{error: 90309999}`), checked first. */
  state?: PageState;
  /** What was expected, for the error reason ("JSON-LD Product", "window.pageData"…). */
  expected: string;
}

/** The page state from status, URL, the adapter's probe, and (for pages without data) the text. */
export function classifyWith(text: string, url: string, status: number | undefined, probe: (text: string) => PageProbe): PageState {
  const byStatus = stateFromStatus(status);
  if (byStatus) return byStatus;
  const byUrl = stateFromUrl(url);
  if (byUrl) return byUrl;
  if (!text || !text.trim()) return { kind: 'error', reason: 'trang rỗng / empty response' };
  const found = probe(text);
  if (found.state && found.state.kind !== 'ok') return found.state;
  if (found.hasData) return { kind: 'ok' };
  return stateFromText(text) ?? { kind: 'error', reason: `không có dữ liệu tin / no ${found.expected} in the page` };
}

/** Throws PageNotListingError unless the state is `ok` (parsers call this before reading anything). */
export function assertReadable(state: PageState, url: string): void {
  if (state.kind !== 'ok') throw new PageNotListingError(url, state);
}
