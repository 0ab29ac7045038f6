// Runs the demo's reports through extraction and prints what an analyst meets first: each
// incident's type, status, date, place and actors with their roles. Flags the four failures
// issue 14 names: a date on the loading day (or none that the text supports), a dateline as
// place, ISIS-K resolved to the core Islamic State, a state force proposed as a threat actor.
//   node --import tsx training/eval/check-demo.ts [--quiet]
import { readDemoReports } from '../../src/cli/demo/demo-files.js';
import { extractDocument } from '../../src/ingest/extract.js';

const quiet = process.argv.includes('--quiet');
const today = new Date().toISOString().slice(0, 10);
let problems = 0;
const STATE_FORCE =
  /\b(?:police|army|armed forces|security forces|military|troops|soldiers|guards?)\b/i;
for (const report of readDemoReports()) {
  const out = extractDocument({ id: report.file, text: report.text, published: report.published });
  const dateline = /^([A-Z][A-Z .'-]+),/.exec(report.text)?.[1];
  if (!quiet) console.log(`\n${report.file} (${report.published})`);
  for (const e of out.events) {
    const flags: string[] = [];
    if (e.date === today) flags.push('DATED TODAY');
    if (dateline && e.location?.name.toUpperCase() === dateline.trim())
      flags.push('DATELINE PLACE');
    for (const a of e.actors) {
      if (/khorasan/i.test(report.text) && a.name === 'Islamic State' && a.role === 'perpetrator')
        flags.push('PARENT NOT BRANCH');
      if (STATE_FORCE.test(a.name) && a.role === 'perpetrator')
        flags.push('STATE FORCE PERPETRATOR');
    }
    problems += flags.length;
    if (!quiet || flags.length)
      console.log(
        `  ${e.sub_event_type} [${e.status}] date=${e.date ?? '-'} place=${e.location?.name ?? '-'} actors=${e.actors
          .map((a) => `${a.name}:${a.role}`)
          .join(', ')} ${flags.join(' ')}`,
      );
  }
}
console.log(`\n${problems} flagged`);
