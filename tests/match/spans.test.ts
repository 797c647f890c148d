/**
 * The normaliser and the spans it keeps: for every kind of disguise (fancy Unicode outside the BMP,
 * full-width, Cyrillic and Greek look-alikes, zero-width characters, dots, spaces, underscores,
 * digits for letters, doubled letters, decomposed diacritics) the hit's start/end point at exactly the
 * characters the seller wrote; and a property test that random disguises of a name are still found.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMatcher } from '../../shared/match/index.ts';
import { normalizeText, squeeze } from '../../shared/text/normalize.ts';
import { TEST_RIGHTS } from './register.ts';

const matcher = buildMatcher(TEST_RIGHTS);

describe('normalizeText', () => {
  it('folds diacritics but keeps the accented form (Huế ≠ Huệ, Vinh ≠ Vĩnh, Diễn ≠ điện)', () => {
    const t = normalizeText('Huế Huệ Vinh Vĩnh Diễn điện Đắk').tokens;
    expect(t.map((x) => x.folded)).toEqual(['hue', 'hue', 'vinh', 'vinh', 'dien', 'dien', 'dak']);
    expect(t.map((x) => x.accented)).toEqual(['huế', 'huệ', 'vinh', 'vĩnh', 'diễn', 'điện', 'đắk']);
    expect(t.map((x) => x.toned)).toEqual([true, true, false, true, true, true, true]);
  });

  it('reads decomposed (NFD) Vietnamese like composed text', () => {
    const nfd = 'Phú Quốc'.normalize('NFD');
    const t = normalizeText(nfd).tokens;
    expect(t.map((x) => x.accented)).toEqual(['phú', 'quốc']);
    expect(t[1].end).toBe(nfd.length);
  });

  it('maps fancy, full-width and look-alike letters and drops invisible characters', () => {
    const cases: Array<[string, string]> = [
      ['𝐍𝐢𝐤𝐞', 'nike'],
      ['Ｎｉｋｅ', 'nike'],
      ['Nіkе', 'nike'], // Cyrillic і and е
      ['Νike', 'nike'], // Greek Ν
      ['Ni\u200bke', 'nike'],
      ['Ni\u00adke', 'nike'],
      ['N̶i̶k̶e̶', 'nike'], // strike-through decoration
    ];
    for (const [text, folded] of cases) {
      const t = normalizeText(text).tokens;
      expect(t.map((x) => x.folded), text).toEqual([folded]);
      expect(t[0].disguised, text).toBe(true);
      expect([t[0].start, t[0].end], text).toEqual([0, text.length]);
    }
  });

  it('records separators between pieces and reads digits as letters inside words', () => {
    const t = normalizeText('N.i.k.e Sams0ng | x').tokens;
    expect(t.map((x) => x.gapBefore)).toEqual(['start', 'inword', 'inword', 'inword', 'space', 'hard']);
    expect(t[4].alts).toEqual(['samsong']);
    expect(normalizeText('iPhone14').tokens[0]).toMatchObject({ letterHead: 'iphone', digitTailStart: 6 });
    expect(normalizeText('A54 G7 2024').tokens.map((x) => x.alts)).toEqual([[], [], []]);
    expect(squeeze('panasonicc')).toBe('panasonic');
  });
});

describe('spans of disguised hits', () => {
  const cases: Array<[string, string, string]> = [
    ['Giày 𝐍𝐈𝐊𝐄 nam', 'nike', '𝐍𝐈𝐊𝐄'],
    ['Sữa Ｖｉｎａｍｉｌｋ 1L', 'vinamilk', 'Ｖｉｎａｍｉｌｋ'],
    ['Giày Nіkе trắng', 'nike', 'Nіkе'],
    ['Giày Ni\u200bke trắng', 'nike', 'Ni\u200bke'],
    ['Sữa V.i.n.a.m.i.l.k hộp', 'vinamilk', 'V.i.n.a.m.i.l.k'],
    ['Giày N-I-K-E hot', 'nike', 'N-I-K-E'],
    ['Giày N i k e hot', 'nike', 'N i k e'],
    ['Sữa V_i_n_a_m_i_l_k', 'vinamilk', 'V_i_n_a_m_i_l_k'],
    ['Điện thoại Sams0ng A54', 'samsung', 'Sams0ng'],
    ['Giày N1ke đẹp', 'nike', 'N1ke'],
    ['Nồi Panasonicc 1.8L', 'panasonic', 'Panasonicc'],
    ['Giày Nikke đẹp', 'nike', 'Nikke'],
    ['Tai nghe Sam-sung', 'samsung', 'Sam-sung'],
  ];
  for (const [title, rightId, matched] of cases) {
    it(`${JSON.stringify(title)} → ${matched}`, () => {
      const hit = matcher.match({ id: 1, title }).hits.find((h) => h.rightId === rightId);
      expect(hit).toBeDefined();
      expect(hit!.method).toBe('disguised');
      expect(title.slice(hit!.start, hit!.end)).toBe(matched);
      expect(hit!.matched).toBe(matched);
    });
  }
});

describe('property: random disguises of a name are still found with the right span', () => {
  const FANCY_BOLD_UPPER = 0x1d400;
  const FANCY_BOLD_LOWER = 0x1d41a;
  const CYRILLIC: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', i: 'і' };
  const DIGITS: Record<string, string> = { o: '0', i: '1', e: '3', a: '4', s: '5' };
  type Trick = 'none' | 'bold' | 'fullwidth' | 'cyrillic' | 'zw' | 'dot' | 'digit' | 'double' | 'upper';
  const disguise = (name: string, tricks: Trick[], sep: '' | '.' | '-' | '_'): string => {
    let out = '';
    [...name].forEach((ch, k) => {
      const t = tricks[k % tricks.length];
      const lower = ch.toLowerCase();
      let c = ch;
      if (t === 'bold') c = String.fromCodePoint((ch === lower ? FANCY_BOLD_LOWER : FANCY_BOLD_UPPER) + lower.charCodeAt(0) - 97);
      else if (t === 'fullwidth') c = String.fromCharCode(ch.charCodeAt(0) + 0xfee0);
      else if (t === 'cyrillic' && CYRILLIC[lower]) c = CYRILLIC[lower];
      else if (t === 'digit' && DIGITS[lower] && k > 0 && k < name.length - 1) c = DIGITS[lower];
      else if (t === 'double' && k === name.length - 1) c = ch + ch;
      else if (t === 'upper') c = ch.toUpperCase();
      if (t === 'zw' && k > 0) c = '\u200b' + c;
      out += (k > 0 && t === 'dot' ? sep || '.' : k > 0 ? sep : '') + c;
    });
    return out;
  };
  it('finds Nike, Vinamilk, Samsung, Panasonic however they are disguised', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(['Nike', 'nike', 'Giày thể thao'], ['Vinamilk', 'vinamilk', 'Sữa tươi'], ['Samsung', 'samsung', 'Tủ lạnh'], ['Panasonic', 'panasonic', 'Máy giặt']),
        fc.array(fc.constantFrom<Trick>('none', 'bold', 'fullwidth', 'cyrillic', 'zw', 'dot', 'digit', 'double', 'upper'), { minLength: 1, maxLength: 4 }),
        fc.constantFrom<'' | '.' | '-' | '_'>('', '', '.', '-', '_'),
        fc.boolean(),
        ([name, id, goods], tricks, sep, withGoods) => {
          const before = withGoods ? goods : 'Hàng mới';
          const d = disguise(name, tricks, sep);
          // digits and separators together are not a form we promise (e.g. "S.4.m.s.u.n.g")
          fc.pre(!((sep !== '' || tricks.includes('dot')) && tricks.includes('digit')));
          const title = `${before} ${d} chính hãng`;
          const hit = matcher.match({ id: 1, title }).hits.find((h) => h.rightId === id);
          expect(hit, title).toBeDefined();
          expect(title.slice(hit!.start, hit!.end), title).toBe(d);
        },
      ),
      { numRuns: 400, seed: 20260522 },
    );
  });
});
