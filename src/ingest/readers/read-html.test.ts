import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readHtml } from './read-html.js';

const page = `<!doctype html><html><head>
<title>Blast hits market | Example News</title>
<meta property="article:published_time" content="2024-01-04T09:30:00Z">
<script>window.tracker = "do not read me";</script><style>p { color: red }</style>
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<div class="layout"><aside><p>Most read: a story about something else entirely, with many words.</p></aside>
<article>
<h1>Blast hits market</h1>
<p>A bomb exploded in a crowded market in the eastern city on Wednesday, killing at least twelve people, officials said.</p>
<p>No group has claimed responsibility for the attack, which came a week after a similar bombing.</p>
<script>alert('x')</script>
</article></div>
<footer><p>Copyright notice and a list of links that are not part of the story at all.</p></footer>
</body></html>`;

describe('readHtml', () => {
  it('keeps the article text and drops scripts, styles, navigation and footers', () => {
    const doc = readHtml(page, 'https://news.example/a');
    assert.match(doc.text, /^Blast hits market\n\nA bomb exploded/);
    assert.match(doc.text, /No group has claimed responsibility/);
    for (const leak of ['tracker', 'alert', 'color: red', 'Most read', 'Copyright', 'Home']) {
      assert.ok(!doc.text.includes(leak), `text must not contain "${leak}"`);
    }
  });

  it('reads title, publication date and language', () => {
    const doc = readHtml(page, 'https://news.example/a');
    assert.equal(doc.title, 'Blast hits market | Example News');
    assert.equal(doc.published, '2024-01-04');
    assert.equal(doc.language, 'en');
    assert.equal(doc.mediaType, 'text/html');
  });

  it('reads a fragment without html or body', () => {
    assert.equal(
      readHtml('<p>Gunmen attacked a checkpoint near the border on Sunday night.</p>', 'paste')
        .text,
      'Gunmen attacked a checkpoint near the border on Sunday night.',
    );
  });

  it('refuses a page that is only scripts', () => {
    assert.throws(() => readHtml('<html><body><script>var a = 1;</script></body></html>', 'x'), {
      code: 'TEARLINE_E_INGEST_EMPTY',
    });
  });
});
