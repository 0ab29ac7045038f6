// The text side of the release preview: a word-level comparison of what we hold with what the
// partner receives (so that every removed or rewritten word can be marked in both columns), the
// residual scan's findings laid over the released text, and structured values flattened into
// readable fields. Kept apart from the component so that it can be tested without a browser.

/** A piece of a text as the preview draws it. */
export interface Segment {
  text: string;
  /** Removed from what we hold, or written by a transform into what the partner receives. */
  changed?: boolean;
  /** The id of a residual-scan finding this piece is part of. */
  finding?: string;
}

// Above this many word pairs the comparison would be slow: the differing middle is marked whole.
const MAX_PAIRS = 2_000_000;

function tokens(text: string): string[] {
  return text.split(/(\s+)/).filter((t) => t !== '');
}

function merge(parts: Array<[string, boolean]>): Segment[] {
  // A space between two changed words belongs to the change: "Gulalai Wardak" is marked whole.
  for (let k = 1; k < parts.length - 1; k += 1) {
    if (!parts[k]![1] && /^\s+$/.test(parts[k]![0]) && parts[k - 1]![1] && parts[k + 1]![1])
      parts[k]![1] = true;
  }
  const out: Segment[] = [];
  for (const [text, changed] of parts) {
    const last = out[out.length - 1];
    if (last !== undefined && (last.changed ?? false) === changed) last.text += text;
    else out.push(changed ? { text, changed } : { text });
  }
  return out;
}

/**
 * The words of `before` that are not in `after` and the other way round, by the longest common
 * run of words (whitespace kept, so that the segments join back into the texts).
 *
 * @example diffWords('Ali Khan was shot', '[name withheld] was shot').before[0] // { text: 'Ali Khan', changed: true }
 */
export function diffWords(before: string, after: string): { before: Segment[]; after: Segment[] } {
  if (before === after) return { before: [{ text: before }], after: [{ text: after }] };
  const a = tokens(before);
  const b = tokens(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  ) {
    tail += 1;
  }
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const same = (xs: string[]) => xs.map((t): [string, boolean] => [t, false]);
  const partsA: Array<[string, boolean]> = same(a.slice(0, head));
  const partsB: Array<[string, boolean]> = same(b.slice(0, head));
  if (midA.length * midB.length > MAX_PAIRS) {
    partsA.push(...midA.map((t): [string, boolean] => [t, true]));
    partsB.push(...midB.map((t): [string, boolean] => [t, true]));
  } else {
    // lcs[i][j]: the longest common run of midA[i..] and midB[j..].
    const n = midA.length;
    const m = midB.length;
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i -= 1) {
      for (let j = m - 1; j >= 0; j -= 1) {
        lcs[i]![j] =
          midA[i] === midB[j]
            ? lcs[i + 1]![j + 1]! + 1
            : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        partsA.push([midA[i]!, false]);
        partsB.push([midB[j]!, false]);
        i += 1;
        j += 1;
      } else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
        partsA.push([midA[i]!, true]);
        i += 1;
      } else {
        partsB.push([midB[j]!, true]);
        j += 1;
      }
    }
  }
  partsA.push(...same(a.slice(a.length - tail)));
  partsB.push(...same(b.slice(b.length - tail)));
  return { before: merge(partsA), after: merge(partsB) };
}

/** Lays findings (character ranges of the joined text) over segments, splitting where needed. */
export function overlayFindings(
  segments: readonly Segment[],
  findings: ReadonlyArray<{ id: string; start: number; end: number }>,
): Segment[] {
  if (findings.length === 0) return [...segments];
  const cuts = new Set<number>();
  for (const f of findings) cuts.add(f.start).add(f.end);
  const out: Segment[] = [];
  let at = 0;
  for (const s of segments) {
    const inner = [...cuts].filter((c) => c > at && c < at + s.text.length).sort((x, y) => x - y);
    let from = 0;
    for (const c of [...inner.map((x) => x - at), s.text.length]) {
      const start = at + from;
      const f = findings.find((x) => x.start <= start && x.end > start);
      out.push({
        text: s.text.slice(from, c),
        ...(s.changed ? { changed: true } : {}),
        ...(f === undefined ? {} : { finding: f.id }),
      });
      from = c;
    }
    at += s.text.length;
  }
  return out;
}

/** One readable field of an object: its path as the scan names it, a label, its value. */
export interface Field {
  path: string;
  label: string;
  value: string;
}

function isCountRange(v: Record<string, unknown>): boolean {
  const keys = Object.keys(v);
  return (
    typeof v.min === 'number' &&
    keys.every((k) => k === 'min' || k === 'max') &&
    (v.max === undefined || v.max === null || typeof v.max === 'number')
  );
}

/**
 * Every value of an object as a readable field, nested objects and lists opened up
 * ("extensions › … › fatalities": "12–15", an open range as "12 or more"); paths are those the
 * residual scan reports (`extensions.x.witnesses`, `aliases[0]`).
 *
 * @example toFields({ fatalities: { min: 3 } }) // [{ path: 'fatalities', label: 'fatalities', value: '3 or more' }]
 */
export function toFields(
  object: Record<string, unknown> | undefined,
  hidden: ReadonlySet<string>,
): Field[] {
  const out: Field[] = [];
  const walk = (value: unknown, path: string, label: string) => {
    if (value === null || value === undefined) out.push({ path, label, value: '—' });
    else if (Array.isArray(value)) {
      if (value.length === 0) out.push({ path, label, value: '(none)' });
      value.forEach((v, i) => walk(v, `${path}[${i}]`, `${label} ${i + 1}`));
    } else if (typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (isCountRange(record)) {
        const max = record.max as number | null | undefined;
        const min = record.min as number;
        out.push({
          path,
          label,
          value:
            max === undefined || max === null
              ? `${min} or more`
              : max === min
                ? `${min}`
                : `${min}–${max}`,
        });
        return;
      }
      const entries = Object.entries(record);
      if (entries.length === 0) out.push({ path, label, value: '(empty)' });
      for (const [k, v] of entries)
        walk(v, path === '' ? k : `${path}.${k}`, label === '' ? k : `${label} › ${k}`);
    } else out.push({ path, label, value: String(value) });
  };
  for (const [k, v] of Object.entries(object ?? {})) if (!hidden.has(k)) walk(v, k, k);
  return out;
}
