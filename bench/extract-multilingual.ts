// The multilingual line of `npm run bench:extract`: our dev-set reports in Russian, Persian,
// Pashto, Arabic and Urdu (test/conformance/multilingual), each extracted repeatedly; sentences
// per second of CPU for each language (issue 15's target: 1,000 for every language).
import { readFileSync } from 'node:fs';
import { extractDocument } from '../src/ingest/extract.js';
import type { ExtractInput } from '../src/ingest/extract-types.js';

const LANGUAGES = ['ru', 'fa', 'ps', 'ar', 'ur'] as const;
const SENTENCE_END = /[.!?؟۔]+(?=\s|$)/gu;

function readSet(language: string): ExtractInput[] {
  const url = new URL(`../test/conformance/multilingual/${language}.jsonl`, import.meta.url);
  return readFileSync(url, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ExtractInput);
}

function cpuSeconds(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

/** `extract-multilingual: ru=N fa=N … min=N` in sentences per CPU second (median of runs). */
export function benchMultilingual(runs: number, repeats = 40): string {
  const figures: Array<[string, number]> = [];
  for (const language of LANGUAGES) {
    const docs = readSet(language);
    const sentences = docs.reduce((n, d) => n + (d.text.match(SENTENCE_END)?.length ?? 1), 0);
    docs.forEach((d) => extractDocument(d)); // warm-up: lexicon compiled, JIT settled
    const times: number[] = [];
    for (let run = 0; run < runs; run++)
      times.push(
        cpuSeconds(() => {
          for (let i = 0; i < repeats; i++) docs.forEach((d) => extractDocument(d));
        }),
      );
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    figures.push([language, Math.round((sentences * repeats) / median)]);
  }
  const min = Math.min(...figures.map(([, n]) => n));
  return `extract-multilingual: ${figures.map(([l, n]) => `${l}=${n}`).join(' ')} min_sentences_per_cpu_s=${min}`;
}
