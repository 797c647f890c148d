/**
 * The index's sign keys (squeezed compact names) as a prefix trie packed in typed arrays. A listing's
 * token windows are read into it letter by letter, so growing a window by one token costs only that
 * token's letters: no joined string to build and hash, and no look-up in a hash map holding every
 * prefix of every name (with 100 000 marks that map has half a million keys and each look-up misses
 * the cache). Packed arrays also keep the index small and cheap for the garbage collector. Node 0 is
 * the root (the empty key); the children of node n are nodes first[n] .. first[n + 1] - 1, sorted by
 * their letter, because the nodes are numbered breadth first.
 */

/** The variants of a key that is only the beginning of longer keys. */
const PREFIX_ONLY: readonly number[] = Object.freeze([]);

/** No node: the text read so far starts no key. */
export const NO_NODE = -1;

/** The trie's root: nothing read yet (not itself a key). */
export const ROOT = 0;

/** Children up to this many are searched in order, more by halving. */
const LINEAR_CHILDREN = 8;

/** A prefix trie from keys to lists of variant indexes, answering "go on" and "found" per letter. */
export class KeyTrie {
  /** Number of keys with a list (not counting prefixes). */
  readonly size: number;

  private constructor(
    private readonly first: Int32Array,
    private readonly letter: Uint16Array,
    private readonly value: Int32Array,
    private readonly lists: ReadonlyArray<readonly number[]>,
  ) {
    this.size = lists.length;
  }

  /** Build the trie of `entries` (key → its variants, in the order they were added). */
  static build(entries: ReadonlyMap<string, readonly number[]>): KeyTrie {
    const keys = [...entries.keys()].filter((k) => k.length > 0).sort();
    let room = 1;
    for (const k of keys) room += k.length;
    const first = new Int32Array(room + 1);
    const letter = new Uint16Array(room);
    const value = new Int32Array(room).fill(-1);
    const lists: Array<readonly number[]> = [];
    // breadth first: each queued node holds keys[lo, hi), which all start with its depth letters
    const qLo: number[] = [0];
    const qHi: number[] = [keys.length];
    const qDepth: number[] = [0];
    let next = 1;
    for (let node = 0; node < qLo.length; node++) {
      let lo = qLo[node];
      const hi = qHi[node];
      const depth = qDepth[node];
      first[node] = next;
      if (lo < hi && keys[lo].length === depth) {
        value[node] = lists.length;
        lists.push(entries.get(keys[lo])!);
        lo++;
      }
      while (lo < hi) {
        const c = keys[lo].charCodeAt(depth);
        let end = lo + 1;
        while (end < hi && keys[end].charCodeAt(depth) === c) end++;
        letter[next] = c;
        qLo.push(lo);
        qHi.push(end);
        qDepth.push(depth + 1);
        next++;
        lo = end;
      }
    }
    first[next] = next;
    return new KeyTrie(first.slice(0, next + 1), letter.slice(0, next), value.slice(0, next), lists);
  }

  /** The node reached from `node` by reading `s` from offset `from`, or NO_NODE. */
  walk(node: number, s: string, from = 0): number {
    const { first, letter } = this;
    for (let k = from; k < s.length && node !== NO_NODE; k++) {
      const c = s.charCodeAt(k);
      let lo = first[node];
      let hi = first[node + 1];
      node = NO_NODE;
      while (hi - lo > LINEAR_CHILDREN) {
        const mid = (lo + hi) >>> 1;
        if (letter[mid] < c) lo = mid + 1;
        else hi = mid + 1;
      }
      for (; lo < hi; lo++) {
        if (letter[lo] === c) {
          node = lo;
          break;
        }
        if (letter[lo] > c) break;
      }
    }
    return node;
  }

  /** The last letter read to reach `node` (not for the root). */
  letterOf(node: number): number {
    return this.letter[node];
  }

  /** The variants whose whole key ends at `node` (PREFIX_ONLY when the key only starts longer ones). */
  at(node: number): readonly number[] {
    const v = this.value[node];
    return v < 0 ? PREFIX_ONLY : this.lists[v];
  }

  /** The variants of `key`: a list, PREFIX_ONLY when it only starts longer keys, undefined when neither. */
  get(key: string): readonly number[] | undefined {
    const node = this.walk(ROOT, key);
    return node === NO_NODE || node === ROOT ? undefined : this.at(node);
  }
}
