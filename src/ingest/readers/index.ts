export { readDocument, type ReadOptions } from './read-document.js';
export { readFeed, type FeedItem } from './read-feed.js';
export { readHtml } from './read-html.js';
export { readPdf } from './read-pdf.js';
export { detectLanguage, type LanguageGuess } from './detect-language.js';
export { isBinary } from './detect-binary.js';
export { MAX_DOCUMENT_BYTES } from './read-errors.js';
export type { ReadDocument } from './document.js';
