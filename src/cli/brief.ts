import { findRestrictedIn, recordCliAudit } from './cli-audit.js';
import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { systemClock, randomIds } from '../core/clock.js';
import { TearlineError } from '../core/errors.js';
import { createBriefModel } from '../analysis/brief-model.js';
import { renderBriefHtml } from '../analysis/brief-html.js';
import { openStore } from '../store/create-store.js';
import { parseCommandArgs } from './args.js';
import type { CliCommand } from './cli-io.js';
import { resolveDatabaseUrl } from './database-url.js';

const help = `Usage: tearline brief --actor NAME [--out FILE.pdf|FILE.html] [--as-of YYYY-MM] [--database URL]

Writes a one- to two-page brief on an actor for a decision-maker: the current assessment in
estimative language, what changed since the previous one, activity and trend, a map of incident
places (drawn offline), key incidents with their sources and Admiralty grades, collection gaps.
HTML is self-contained; PDF is printed by headless Chromium (/usr/bin/chromium, or
TEARLINE_CHROMIUM). Without --out the HTML goes to standard output.

Options:
  --actor NAME    the actor's name, alias or STIX id (e.g. "ISIS-K")
  --out FILE      brief.pdf or brief.html
  --as-of MONTH   last month of the trend window (default: this month)
  --database URL  sqlite:<path> or postgres://… (default: TEARLINE_DATABASE_URL)

Example:
  tearline brief --actor "ISIS-K" --out brief.pdf
`;

/** Chromium's flags for printing: no sandbox (containers), no network-facing background work. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Prints self-contained HTML to an A4 PDF with headless Chromium; requests to the network are
 * refused so that a brief can never fetch anything.
 *
 * @example const pdf = await printPdf(html, '/usr/bin/chromium')
 */
export async function printPdf(html: string, executablePath: string): Promise<Buffer> {
  const { chromium } = await import('playwright-core');
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  } catch (error) {
    throw new TearlineError(
      'TEARLINE_E_BRIEF_PDF_FAILED',
      `Chromium did not start from ${executablePath}; install the chromium package or set TEARLINE_CHROMIUM, or write --out brief.html.`,
      { kind: 'failure', cause: error },
    );
  }
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) =>
      route.request().url().startsWith('data:') ? route.continue() : route.abort(),
    );
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}

export const command: CliCommand = {
  help,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      'brief',
      argv,
      {
        actor: { type: 'string' },
        out: { type: 'string' },
        'as-of': { type: 'string' },
        database: { type: 'string' },
      },
      false,
    );
    if (!values.actor) {
      throw new TearlineError(
        'TEARLINE_E_CLI_USAGE',
        'Name the actor with --actor. Run "tearline brief --help".',
      );
    }
    const format = values.out ? extname(values.out).toLowerCase() : '.html';
    if (format !== '.pdf' && format !== '.html' && format !== '.htm') {
      throw new TearlineError(
        'TEARLINE_E_BRIEF_BAD_OUT',
        `--out must end in .pdf or .html (got "${values.out}").`,
      );
    }
    const store = await openStore(resolveDatabaseUrl(io, values.database));
    let html: string;
    try {
      const model = await createBriefModel(
        { repo: store.analysis, clock: systemClock, ids: randomIds, objects: store.objects },
        values.actor,
        { asOf: values['as-of'], lookupObject: (id) => store.objects.getLatest(id) },
      );
      html = renderBriefHtml(model);
      // A brief carries the actor's incidents out of the system: it names the restricted ones.
      await recordCliAudit(store, io, 'brief.write', [
        model.profile.actor.id,
        ...(await findRestrictedIn(store, model)),
      ]);
    } finally {
      await store.close();
    }
    if (!values.out) {
      io.stdout.write(html);
      return 0;
    }
    const out = resolve(io.cwd, values.out);
    if (format === '.pdf') {
      writeFileSync(out, await printPdf(html, io.env.TEARLINE_CHROMIUM ?? '/usr/bin/chromium'));
    } else {
      writeFileSync(out, html);
    }
    io.stdout.write(`Wrote ${out}\n`);
    return 0;
  },
};
