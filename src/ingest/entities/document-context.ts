import type { Span } from '../extract-types.js';
import { splitSentences } from '../text/split-sentences.js';
import type { WordPiece } from '../text/word-pieces.js';
import { toWordPieces } from '../text/word-pieces.js';

/** What every finder needs about a document, computed once. */
export interface DocumentContext {
  text: string;
  pieces: WordPiece[];
  sentences: Span[];
  /** Piece indexes that open a sentence (their capital says nothing). */
  sentenceInitial: Set<number>;
  published?: string;
}

/**
 * Splits a document into pieces and sentences for the entity finders.
 *
 * @example createDocumentContext('ISIS-K struck Moscow.').pieces.length // 4
 */
export function createDocumentContext(text: string, published?: string): DocumentContext {
  const pieces = toWordPieces(text);
  const sentences = splitSentences(text);
  const sentenceInitial = new Set<number>();
  let p = 0;
  for (const s of sentences) {
    while (p < pieces.length && pieces[p]!.start < s.start) p++;
    if (p < pieces.length && pieces[p]!.start < s.end) {
      sentenceInitial.add(p);
      // A quotation opening the sentence does not make its first word a name either.
    }
  }
  const context: DocumentContext = { text, pieces, sentences, sentenceInitial };
  if (published !== undefined) context.published = published;
  return context;
}

/**
 * True when the word starts with a capital letter.
 *
 * @example isCapitalized('Kabul') // true
 */
export function isCapitalized(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c >= 97 && c <= 122) return false;
  return /^\p{Lu}/u.test(word);
}

/** The text between two pieces (what separates them). */
export function gapBetween(context: DocumentContext, a: number, b: number): string {
  return context.text.slice(context.pieces[a]!.end, context.pieces[b]!.start);
}
