// `npm run bench:extract`: the whole extraction pipeline over ~1 MB of generated news text, and in
// the same run a bare `compromise` pass over the same documents as the baseline. Prints medians
// over several runs, the time per stage, one 1 MB hostile text of each kind (bench/adversarial-texts.ts,
// ADR 0025: each must extract in at most 3 s), and ends with
//   extract: sentences_per_s=N baseline_per_s=M ratio=R
import { availableParallelism, loadavg } from 'node:os';
import nlp from 'compromise';
import { classifyEvent } from '../src/ingest/classify/classify-event.js';
import { findEntities } from '../src/ingest/entities/find-entities.js';
import { findAttributions } from '../src/ingest/attribution/find-attributions.js';
import { detectEvents } from '../src/ingest/events/detect-events.js';
import { extractDocument } from '../src/ingest/extract.js';
import type { ExtractInput } from '../src/ingest/extract-types.js';
import { ADVERSARIAL_KINDS, adversarialText } from './adversarial-texts.js';
import { splitSentences } from '../src/ingest/text/split-sentences.js';
import { benchMultilingual } from './extract-multilingual.js';

const TARGET_BYTES = 1_000_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

// Templates of our own: attacks, clashes, strikes, plots, statements, context. Slots are filled
// from small lists so the corpus is varied but repeatable (seeded generator).
const TEMPLATES = [
  'A {weapon} exploded near a {site} in {town} on {day}, killing {n} people and wounding {m} others, {speaker} said.',
  '{group} claimed responsibility for the attack in a statement posted online.',
  'Gunmen opened fire on a {site} in {town}, {country}, late on {day}, according to {speaker}.',
  '{speaker} said at least {n} soldiers were killed when militants ambushed a convoy near {town}.',
  'Security forces clashed with fighters of {group} outside {town} for several hours.',
  'An air strike on a compound near {town} killed {n} suspected members of {group}, {speaker} said.',
  'Police in {country} said they had foiled a plot to bomb a {site} and arrested {m} men.',
  'Residents said the market in {town} reopened on {day} after the blast.',
  'The attack was the deadliest in {country} since {year}.',
  'Two people with knowledge of the investigation said the bomber had travelled from {town}.',
  'The government of {country} announced new security measures for {site}s across the region.',
  'Analysts say {group} remains capable of striking far from its base.',
  '{speaker} told reporters that {n} of the wounded were in critical condition.',
  'Protesters gathered in central {town} on {day} to demand the release of detained activists.',
  'Officials said a ceasefire agreed in {year} had largely held despite sporadic shelling.',
  'A former official said the group had been recruiting in {town} for months.',
  'Militants kidnapped {m} aid workers on the road between {town} and {town2}.',
  'Rockets struck a military base in {country} overnight, causing no casualties.',
];
const SLOTS: Record<string, readonly string[]> = {
  weapon: ['car bomb', 'roadside bomb', 'suicide bomber', 'grenade', 'parcel bomb'],
  site: ['market', 'mosque', 'checkpoint', 'bus station', 'hotel', 'police station', 'school'],
  town: [
    'Kabul',
    'Mogadishu',
    'Maiduguri',
    'Kirkuk',
    'Peshawar',
    'Gao',
    'Mosul',
    'Quetta',
    'Aleppo',
  ],
  town2: ['Jalalabad', 'Baidoa', 'Damaturu', 'Tikrit', 'Kohat', 'Timbuktu', 'Raqqa'],
  country: ['Afghanistan', 'Somalia', 'Nigeria', 'Iraq', 'Pakistan', 'Mali', 'Syria'],
  day: ['Monday', 'Tuesday', 'Friday', 'March 3', 'June 14', 'Sunday'],
  group: [
    'Al-Shabaab',
    'the Islamic State',
    'Boko Haram',
    'the Taliban',
    'JNIM',
    'ISWAP',
    'the TTP',
  ],
  speaker: [
    'the Interior Ministry',
    'a police spokesman',
    'officials',
    'local officials',
    'the army',
  ],
  n: ['3', '7', '12', 'dozens of', 'several', '24', 'more than 40'],
  m: ['two', 'five', '15', 'hundreds of', 'eleven', '31'],
  year: ['2014', '2017', '2019', '2021'],
};

function createRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

function createCorpus(): ExtractInput[] {
  const random = createRandom(20_240_610);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const docs: ExtractInput[] = [];
  let bytes = 0;
  while (bytes < TARGET_BYTES) {
    const sentences: string[] = [];
    const count = 8 + Math.floor(random() * 20);
    for (let i = 0; i < count; i++) {
      sentences.push(
        pick(TEMPLATES).replace(/\{(\w+)\}/g, (_, slot: string) => pick(SLOTS[slot]!)),
      );
    }
    const text = sentences.join(' ');
    docs.push({ id: `bench-${docs.length}`, text, published: '2024-06-10' });
    bytes += Buffer.byteLength(text);
  }
  return docs;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface Timing {
  /** Wall-clock seconds. */
  wall: number;
  /** Seconds of CPU (user + system) this process used: what the code costs on a loaded machine. */
  cpu: number;
}

function time(fn: () => void): Timing {
  const start = performance.now();
  const cpu = process.cpuUsage();
  fn();
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - start) / 1000, cpu: (used.user + used.system) / 1e6 };
}

const docs = createCorpus();
const sentences = docs.reduce((n, d) => n + splitSentences(d.text).length, 0);
const megabytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0) / 1e6;
console.log(`corpus: ${docs.length} documents, ${sentences} sentences, ${megabytes.toFixed(2)} MB`);

// One warm-up pass of each over the corpus, so that lazy gazetteers, the model and the JIT
// settle outside the timings: the figures are for a long-running extraction.
docs.forEach((d) => extractDocument(d));
docs.forEach((d) => nlp(d.text).sentences());

const pipeline: Timing[] = [];
const baseline: Timing[] = [];
// The pipeline's runs first, then the baseline's: compromise's garbage would otherwise be
// collected during the pipeline's timings.
for (let run = 0; run < RUNS; run++)
  pipeline.push(time(() => docs.forEach((d) => extractDocument(d))));
for (let run = 0; run < RUNS; run++)
  baseline.push(time(() => docs.forEach((d) => nlp(d.text).sentences())));

// Where the time goes: each stage alone over the same corpus (one run).
const stageTimes: Record<string, Timing> = {};
const prepared = docs.map((d) => ({ d, s: splitSentences(d.text), e: findEntities(d.text, d) }));
stageTimes.sentences = time(() => docs.forEach((d) => splitSentences(d.text)));
stageTimes.entities = time(() => docs.forEach((d) => findEntities(d.text, d)));
stageTimes.events = time(() =>
  prepared.forEach(({ d, s, e }) => detectEvents(d.text, s, e, classifyEvent)),
);
stageTimes.attribution = time(() =>
  prepared.forEach(({ d, s, e }) => findAttributions(d.text, s, e)),
);
const ms = (seconds: number): string => (seconds * 1000).toFixed(0).padStart(6);
for (const [stage, t] of Object.entries(stageTimes)) {
  console.log(`stage ${stage.padEnd(12)} ${ms(t.wall)} ms wall ${ms(t.cpu)} ms cpu`);
}

// 1 MB of hostile text of each kind, one document each (sections as the server cuts them), against
// the same run's baseline: a bare compromise pass over the ~1 MB corpus.
const baselineCpu = median(baseline.map((t) => t.cpu));
const baselineWall = median(baseline.map((t) => t.wall));
for (const kind of ADVERSARIAL_KINDS) {
  const text = adversarialText(kind, 1_000_000);
  const t = time(() => extractDocument({ id: kind, text, published: '2024-06-10' }));
  console.log(
    `extract-1mb: kind=${kind} wall_s=${t.wall.toFixed(2)} cpu_s=${t.cpu.toFixed(2)} cpu_vs_baseline=${(t.cpu / baselineCpu).toFixed(2)} wall_vs_baseline=${(t.wall / baselineWall).toFixed(2)}`,
  );
}

const wall = {
  pipeline: median(pipeline.map((t) => t.wall)),
  baseline: median(baseline.map((t) => t.wall)),
};
const cpu = {
  pipeline: median(pipeline.map((t) => t.cpu)),
  baseline: median(baseline.map((t) => t.cpu)),
};
const [load1] = loadavg();
console.log(
  `pipeline median ${ms(wall.pipeline)} ms wall ${ms(cpu.pipeline)} ms cpu, baseline median ${ms(wall.baseline)} ms wall ${ms(cpu.baseline)} ms cpu over ${RUNS} runs; load average ${load1!.toFixed(1)} on ${availableParallelism()} cores`,
);
// On a shared machine wall time depends on the neighbours; CPU time is what the code costs.
console.log(
  `extract-cpu: sentences_per_cpu_s=${Math.round(sentences / cpu.pipeline)} baseline_per_cpu_s=${Math.round(sentences / cpu.baseline)} ratio=${(cpu.baseline / cpu.pipeline).toFixed(2)}`,
);
console.log(benchMultilingual(RUNS));
const pipelinePerS = sentences / wall.pipeline;
const baselinePerS = sentences / wall.baseline;
console.log(
  `extract: sentences_per_s=${Math.round(pipelinePerS)} baseline_per_s=${Math.round(baselinePerS)} ratio=${(pipelinePerS / baselinePerS).toFixed(2)}`,
);
