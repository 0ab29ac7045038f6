import type { WordPiece } from '../text/word-pieces.js';
import { firstPieceKey, toWordPieces } from '../text/word-pieces.js';

/** One name in the index: its keys, its form as written, and what it stands for. */
interface PhraseEntry<T> {
  keys: string[];
  /** Pieces as written, to check the case of acronyms. */
  forms: string[];
  /** Acronyms ("IS", "TTP") match only in the case they are written in. */
  caseSensitive: boolean;
  values: T[];
}

/** A longest match of the index at a piece position. */
export interface PhraseMatch<T> {
  /** Index of the first piece. */
  from: number;
  /** Index after the last piece. */
  to: number;
  values: T[];
}

/**
 * A first-piece map of names to values, matched longest-first over word pieces; built once,
 * queried per piece, so look-up cost does not grow with the size of the gazetteer.
 */
export interface PhraseIndex<T> {
  add(name: string, value: T, options?: { caseSensitive?: boolean }): void;
  /**
   * Adds a name whose value is made by `make(id)` only when a text first meets the name's first
   * word: a gazetteer of 150,000 towns then costs at start-up only what its texts touch. The
   * index answers as if `add(name, make(id))` had been called here, in this order.
   */
  addLater(name: string, id: number, make: (id: number) => T): void;
  /**
   * The longest name starting at piece `i`; `accept` may refuse a piece after the first, so that a
   * shorter name is tried ("Kaduna state": not the name "Kaduna State", but "Kaduna").
   */
  matchAt(
    pieces: readonly WordPiece[],
    i: number,
    text: string,
    accept?: (piece: WordPiece) => boolean,
  ): PhraseMatch<T> | undefined;
  readonly size: number;
}

const PLAIN = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

const isAcronym = (name: string): boolean =>
  /^[\p{Lu}\p{N}][\p{Lu}\p{N}.\-\s]{0,6}$/u.test(name) && /\p{Lu}/u.test(name);

/**
 * Creates an empty phrase index.
 *
 * @example const index = createPhraseIndex<string>(); index.add('ISIS-K', 'ISKP')
 */
export function createPhraseIndex<T>(): PhraseIndex<T> {
  const byFirst = new Map<string, PhraseEntry<T>[]>();
  const byName = new Map<string, PhraseEntry<T>>();
  const unsorted = new Set<string>();
  /** Names added later, by first key, in the order they were added. */
  const later = new Map<string, { names: string[]; ids: number[]; make: (id: number) => T }>();
  let size = 0;
  const add = (name: string, value: T, options: { caseSensitive?: boolean } = {}): void => {
    const caseSensitive = options.caseSensitive ?? isAcronym(name);
    let keys: string[];
    let forms: string[];
    // Fast path for the many plain names of the city list ("Kabul", "Tal Afar").
    if (!caseSensitive && PLAIN.test(name)) {
      forms = name.split(' ');
      keys = forms.map((f) => f.toLowerCase());
    } else {
      const pieces = toWordPieces(name);
      forms = pieces.map((p) => p.raw);
      keys = pieces.map((p) => p.key);
    }
    if (keys.length === 0) return;
    // Names waiting under this first key were added before this one: they come first.
    if (later.has(keys[0]!)) addWaiting(keys[0]!);
    const id = caseSensitive ? `${forms.join(' ')}|cs` : keys.join(' ');
    const known = byName.get(id);
    if (known) {
      known.values.push(value);
      return;
    }
    const entry: PhraseEntry<T> = {
      keys,
      forms,
      caseSensitive,
      values: [value],
    };
    byName.set(id, entry);
    const list = byFirst.get(keys[0]!) ?? [];
    list.push(entry);
    byFirst.set(keys[0]!, list);
    unsorted.add(keys[0]!);
    size++;
  };
  const addWaiting = (first: string): void => {
    const waiting = later.get(first)!;
    later.delete(first);
    waiting.names.forEach((name, k) => add(name, waiting.make(waiting.ids[k]!)));
  };
  return {
    get size() {
      for (const first of [...later.keys()]) addWaiting(first);
      return size;
    },
    add,
    addLater(name, id, make) {
      const space = name.indexOf(' ');
      const first = PLAIN.test(name)
        ? (space < 0 ? name : name.slice(0, space)).toLowerCase()
        : firstPieceKey(name);
      if (first === undefined) return;
      const waiting = later.get(first);
      if (waiting && waiting.make === make) {
        waiting.names.push(name);
        waiting.ids.push(id);
      } else if (waiting) {
        addWaiting(first);
        later.set(first, { names: [name], ids: [id], make });
      } else later.set(first, { names: [name], ids: [id], make });
    },
    matchAt(pieces, i, text, accept) {
      const first = pieces[i]!.key;
      if (later.has(first)) addWaiting(first);
      const list = byFirst.get(first);
      if (!list) return undefined;
      // Longest names first; sorted on first use so that building a large index stays linear.
      if (unsorted.has(first)) {
        list.sort((a, b) => b.keys.length - a.keys.length);
        unsorted.delete(first);
      }
      for (const entry of list) {
        const n = entry.keys.length;
        if (i + n > pieces.length) continue;
        let ok = true;
        for (let k = 0; k < n && ok; k++) {
          const piece = pieces[i + k]!;
          if (piece.key !== entry.keys[k]) ok = false;
          else if (k > 0 && accept && !accept(piece)) ok = false;
          else if (entry.caseSensitive && piece.raw !== entry.forms[k]) ok = false;
          // The pieces of one name sit next to each other: only spaces, hyphens, dashes,
          // apostrophes or a full stop may separate them.
          else if (
            k > 0 &&
            !/^[\s\-–—'’.]{0,3}$/.test(text.slice(pieces[i + k - 1]!.end, piece.start))
          )
            ok = false;
        }
        if (ok) return { from: i, to: i + n, values: entry.values };
      }
      return undefined;
    },
  };
}
