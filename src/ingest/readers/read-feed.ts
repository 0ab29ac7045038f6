import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { TearlineError } from '../../core/errors.js';
import { readHtml } from './read-html.js';
import { toIsoDay } from './document.js';

/** One entry of an RSS 2.0 or Atom 1.0 feed. */
export interface FeedItem {
  /** The item's guid / Atom id, or its link: what tells a new item from one already seen. */
  key: string;
  title?: string;
  link?: string;
  published?: string;
  /** The item's content or summary as plain text ('' when the feed carries only links). */
  text: string;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

/**
 * Parses an RSS 2.0 or Atom 1.0 document into items, newest first as the feed orders them.
 *
 * @example const items = readFeed(xml) // [{ key, title, link, published, text }]
 */
export function readFeed(xml: string): FeedItem[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new TearlineError(
      'TEARLINE_E_INGEST_BAD_FEED',
      `The feed is not well-formed XML (line ${valid.err.line}: ${valid.err.msg}).`,
    );
  }
  const doc = parser.parse(xml) as Record<string, unknown>;
  const rss = doc.rss as { channel?: { item?: unknown[] } } | undefined;
  const rdf = doc['rdf:RDF'] as { item?: unknown[] } | undefined;
  const atom = doc.feed as { entry?: unknown[] } | undefined;
  const raw = rss?.channel?.item ?? rdf?.item ?? atom?.entry;
  if (!raw) {
    throw new TearlineError(
      'TEARLINE_E_INGEST_BAD_FEED',
      'The document is XML but neither an RSS nor an Atom feed.',
    );
  }
  return raw.map((entry) => toItem(entry as Record<string, unknown>)).filter((i) => i.key);
}

function toItem(entry: Record<string, unknown>): FeedItem {
  const link = linkOf(entry.link);
  const content =
    textOf(entry['content:encoded']) ||
    textOf(entry.content) ||
    textOf(entry.description) ||
    textOf(entry.summary);
  const title = textOf(entry.title) || undefined;
  return {
    key: textOf(entry.guid) || textOf(entry.id) || link || title || '',
    title,
    link,
    published: toIsoDay(
      textOf(entry.pubDate) ||
        textOf(entry.published) ||
        textOf(entry.updated) ||
        textOf(entry['dc:date']),
    ),
    text: content ? htmlToText(content) : '',
  };
}

function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim();
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'object') return textOf((value as Record<string, unknown>)['#text']);
  return '';
}

function linkOf(value: unknown): string | undefined {
  const links = Array.isArray(value) ? value : value === undefined ? [] : [value];
  for (const link of links) {
    if (typeof link === 'string' && link.trim()) return link.trim();
    if (link && typeof link === 'object') {
      const l = link as Record<string, unknown>;
      const rel = l['@rel'];
      if ((rel === undefined || rel === 'alternate') && typeof l['@href'] === 'string')
        return l['@href'];
      if (typeof l['#text'] === 'string') return l['#text'].trim();
    }
  }
  return undefined;
}

function htmlToText(content: string): string {
  if (!/[<&]/.test(content)) return content.trim();
  try {
    return readHtml(content, 'feed').text;
  } catch {
    return '';
  }
}
