/**
 * The index's prefix trie answers exactly what a map of every prefix of every key would: a list for a
 * whole key, an empty list for a key's beginning, nothing otherwise; and reading a text piece by piece
 * from a node reaches the same node as reading it all at once (a property test over random keys,
 * including letters outside ASCII and outside the BMP).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyTrie, NO_NODE, ROOT } from '../../shared/match/key-trie.ts';

/** The reference: every prefix of every key → the key's list, or [] for a prefix only. */
function prefixMap(entries: Map<string, number[]>): Map<string, readonly number[]> {
  const out = new Map<string, readonly number[]>();
  for (const key of entries.keys()) for (let i = 1; i < key.length; i++) if (!out.has(key.slice(0, i))) out.set(key.slice(0, i), []);
  for (const [key, list] of entries) out.set(key, list);
  return out;
}

const letters = fc.constantFrom('a', 'b', 'c', 'n', 'o', 'z', '0', '7', 'ж', 'ă', '𝐍');
const word = fc.array(letters, { minLength: 1, maxLength: 7 }).map((xs) => xs.join(''));

describe('KeyTrie', () => {
  it('finds whole keys, knows their beginnings and nothing else', () => {
    const trie = KeyTrie.build(new Map([['nike', [1]], ['nikon', [2, 3]], ['ni', [4]]]));
    expect(trie.get('nike')).toEqual([1]);
    expect(trie.get('nikon')).toEqual([2, 3]);
    expect(trie.get('ni')).toEqual([4]);
    expect(trie.get('nik')).toEqual([]);
    expect(trie.get('n')).toEqual([]);
    expect(trie.get('nikes')).toBeUndefined();
    expect(trie.get('x')).toBeUndefined();
    expect(trie.get('')).toBeUndefined();
    expect(trie.size).toBe(3);
  });

  it('answers like a map of every prefix, and reads a text in pieces like all at once', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 40 }), fc.array(word, { maxLength: 40 }), (keys, probes) => {
        const entries = new Map(keys.map((k, i) => [k, [i]]));
        const trie = KeyTrie.build(entries);
        const ref = prefixMap(entries);
        for (const s of [...keys, ...probes, ...keys.map((k) => k.slice(0, -1))]) {
          expect(trie.get(s)).toEqual(ref.get(s));
          const cut = Math.floor(s.length / 2);
          const half = trie.walk(ROOT, s.slice(0, cut));
          const whole = trie.walk(ROOT, s);
          expect(half === NO_NODE ? NO_NODE : trie.walk(half, s, cut)).toBe(whole);
        }
      }),
    );
  });
});
