import type { Span } from '../extract-types.js';

/**
 * A run of letters and digits (apostrophes inside kept) with its offsets; hyphens, dashes and
 * other punctuation separate pieces, so "ISIS-K", "ISIS K" and "ISIS – K" give the same keys.
 */
export interface WordPiece extends Span {
  /** The text as written. */
  raw: string;
  /** Lower case, accents and apostrophes removed: the look-up key. */
  key: string;
}

const PIECE = /[\p{L}\p{N}]+(?:['’](?![sS]\b)[\p{L}\p{N}]+)*/gu;

/**
 * The look-up key of a word: lower case without accents or apostrophes.
 *
 * @example toPieceKey('Da’esh') // 'daesh'
 */
export function toPieceKey(word: string): string {
  const lower = word.toLowerCase();
  // Fast path: plain ASCII letters and digits need no normalisation.
  if (/^[a-z0-9]+$/.test(lower)) return lower;
  // Turkish dotless ı has no decomposition: Diyarbakır is written Diyarbakir in English news.
  return lower
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/[\u0300-\u036f'’]/g, '');
}

/**
 * Splits text into word pieces with offsets and keys.
 *
 * @example toWordPieces('al-Qaeda').map((p) => p.key) // ['al', 'qaeda']
 */
export function toWordPieces(text: string): WordPiece[] {
  const pieces: WordPiece[] = [];
  for (const m of text.matchAll(PIECE)) {
    const raw = m[0];
    pieces.push({ raw, key: toPieceKey(raw), start: m.index, end: m.index + raw.length });
  }
  return pieces;
}

const FIRST_PIECE = new RegExp(PIECE.source, 'u');

/**
 * The key of a text's first word piece: what `toWordPieces(text)[0]?.key` answers, without
 * splitting the rest.
 *
 * @example firstPieceKey('al-Qaim') // 'al'
 */
export function firstPieceKey(text: string): string | undefined {
  const m = FIRST_PIECE.exec(text);
  return m ? toPieceKey(m[0]) : undefined;
}

/**
 * The keys of a phrase, for building look-up tables from names.
 *
 * @example toPhraseKeys('Islamic State – Khorasan') // ['islamic', 'state', 'khorasan']
 */
export function toPhraseKeys(phrase: string): string[] {
  return toWordPieces(phrase).map((p) => p.key);
}
