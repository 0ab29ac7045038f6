import { parseHTML } from 'linkedom';
import { detectLanguage } from './detect-language.js';
import { emptyError } from './read-errors.js';
import { toIsoDay, type ReadDocument } from './document.js';

// Elements that never hold a report's text. Scripts and styles go first so that nothing they
// contain can reach the text (the text is later shown in the browser, escaped, but never run).
const DROP =
  'script,style,noscript,template,iframe,object,embed,svg,canvas,nav,footer,header,aside,form,button,select,figure,dialog';
const BLOCKS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'TD',
  'DD',
  'DT',
]);

interface MinimalElement {
  tagName: string;
  textContent: string | null;
  parentElement: MinimalElement | null;
  querySelectorAll(selector: string): ArrayLike<MinimalElement>;
  getAttribute(name: string): string | null;
  remove(): void;
}

/**
 * Reads the main text of an HTML page: drops scripts, styles and page furniture, finds the
 * container holding most of the paragraph text (a readability-style score), and returns its
 * blocks as paragraphs, with the page's title and publication date when it states them.
 *
 * @example readHtml('<article><p>Gunmen attacked…</p></article>', 'https://example.org/a').text
 */
export function readHtml(html: string, origin: string): ReadDocument {
  const { document } = parseHTML(
    html.includes('<html') ? html : `<html><body>${html}</body></html>`,
  );
  const meta = (selector: string) =>
    document.querySelector(selector)?.getAttribute('content') ?? undefined;
  const title =
    meta('meta[property="og:title"]') ??
    document.querySelector('title')?.textContent?.trim() ??
    document.querySelector('h1')?.textContent?.trim() ??
    undefined;
  const published = toIsoDay(
    meta('meta[property="article:published_time"]') ??
      meta('meta[name="date"]') ??
      meta('meta[name="pubdate"]') ??
      meta('meta[itemprop="datePublished"]') ??
      document.querySelector('time[datetime]')?.getAttribute('datetime') ??
      undefined,
  );
  for (const el of Array.from(document.querySelectorAll(DROP) as ArrayLike<MinimalElement>))
    el.remove();

  const body = (document.body ?? document.documentElement) as unknown as MinimalElement;
  const container = findMainContainer(body);
  const paragraphs = collectBlocks(container);
  const text = (
    paragraphs.length > 0 ? paragraphs.join('\n\n') : normalise(container.textContent ?? '')
  ).trim();
  if (!text) throw emptyError('HTML page');
  return {
    text,
    title: title ? normalise(title) : undefined,
    published,
    origin,
    mediaType: 'text/html',
    language: detectLanguage(text).language,
  };
}

/** The element whose paragraphs hold the most text; `article`/`main` win when they hold most of it. */
function findMainContainer(body: MinimalElement): MinimalElement {
  const scores = new Map<MinimalElement, number>();
  for (const p of Array.from(body.querySelectorAll('p,pre,blockquote,li'))) {
    const length = normalise(p.textContent ?? '').length;
    if (length < 25) continue;
    // A paragraph counts fully for its parent and half for its grandparent, as readability does.
    const parent = p.parentElement;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + length);
    const grand = parent?.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + length / 2);
  }
  let best: MinimalElement = body;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) [best, bestScore] = [el, score];
  }
  for (const semantic of Array.from(body.querySelectorAll('article,main,[role="main"]'))) {
    const length = normalise(semantic.textContent ?? '').length;
    if (length >= bestScore) return semantic;
  }
  return best;
}

function collectBlocks(container: MinimalElement): string[] {
  const out: string[] = [];
  for (const el of Array.from(container.querySelectorAll('*'))) {
    if (!BLOCKS.has(el.tagName)) continue;
    // Skip a block nested in another block (li > p): the outer one carries its text.
    let parent = el.parentElement;
    let nested = false;
    while (parent && parent !== container) {
      if (BLOCKS.has(parent.tagName)) nested = true;
      parent = parent.parentElement;
    }
    if (nested) continue;
    const text = normalise(el.textContent ?? '');
    if (text) out.push(text);
  }
  if (BLOCKS.has(container.tagName)) out.unshift(normalise(container.textContent ?? ''));
  return out.filter(Boolean);
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
