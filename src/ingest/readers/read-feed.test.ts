import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFeed } from './read-feed.js';

const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
<item><title>Checkpoint attacked</title><link>https://wire.example/1</link><guid>wire-1</guid>
<pubDate>Mon, 18 Mar 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Gunmen attacked a police checkpoint on Sunday, killing two officers.&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;</description></item>
<item><title>Second item</title><link>https://wire.example/2</link><pubDate>Sun, 17 Mar 2024 10:00:00 GMT</pubDate></item>
</channel></rss>`;

const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title>
<entry><id>urn:uuid:1</id><title>Convoy ambushed</title><link rel="alternate" href="https://atom.example/1"/>
<published>2024-02-02T08:00:00Z</published><summary>An army convoy was ambushed in the hills.</summary></entry>
</feed>`;

describe('readFeed', () => {
  it('reads RSS 2.0 items with their guid, link, date and text (HTML stripped)', () => {
    const items = readFeed(rss);
    assert.equal(items.length, 2);
    assert.deepEqual(items[0], {
      key: 'wire-1',
      title: 'Checkpoint attacked',
      link: 'https://wire.example/1',
      published: '2024-03-18',
      text: 'Gunmen attacked a police checkpoint on Sunday, killing two officers.',
    });
    assert.equal(items[1]?.key, 'https://wire.example/2', 'the link stands in for a missing guid');
  });

  it('reads Atom entries', () => {
    const [entry] = readFeed(atom);
    assert.equal(entry?.key, 'urn:uuid:1');
    assert.equal(entry?.link, 'https://atom.example/1');
    assert.equal(entry?.published, '2024-02-02');
    assert.equal(entry?.text, 'An army convoy was ambushed in the hills.');
  });

  it('refuses garbage and XML that is not a feed', () => {
    assert.throws(() => readFeed('<<<not xml'), { code: 'TEARLINE_E_INGEST_BAD_FEED' });
    assert.throws(() => readFeed('<?xml version="1.0"?><html><body/></html>'), {
      code: 'TEARLINE_E_INGEST_BAD_FEED',
    });
  });
});
