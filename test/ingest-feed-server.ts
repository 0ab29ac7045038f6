import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Pages a test feed server answers, by path; `hang` never answers, `etag` enables 304s. */
export interface FeedRoute {
  body?: string;
  contentType?: string;
  etag?: string;
  hang?: boolean;
}

/** A loopback HTTP server for feed and page tests; counts requests and conditional hits by path. */
export async function startFeedServer(routes: Record<string, FeedRoute>) {
  const hits: Record<string, number> = {};
  const notModified: Record<string, number> = {};
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits[path] = (hits[path] ?? 0) + 1;
    const route = routes[path];
    if (!route) {
      res.writeHead(404).end('not found');
      return;
    }
    if (route.hang) {
      hanging.add(res);
      return;
    }
    if (route.etag && req.headers['if-none-match'] === route.etag) {
      notModified[path] = (notModified[path] ?? 0) + 1;
      res.writeHead(304, { etag: route.etag }).end();
      return;
    }
    res.writeHead(200, {
      'content-type': route.contentType ?? 'text/html; charset=utf-8',
      ...(route.etag ? { etag: route.etag } : {}),
    });
    res.end(route.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    hits,
    notModified,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An RSS 2.0 document with the given items. */
export function toRss(
  items: Array<{
    guid: string;
    title: string;
    link: string;
    description?: string;
    pubDate?: string;
  }>,
): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Test wire</title>${items
    .map(
      (i) =>
        `<item><guid>${esc(i.guid)}</guid><title>${esc(i.title)}</title><link>${esc(i.link)}</link>${
          i.pubDate ? `<pubDate>${i.pubDate}</pubDate>` : ''
        }${i.description ? `<description>${esc(i.description)}</description>` : ''}</item>`,
    )
    .join('')}</channel></rss>`;
}
