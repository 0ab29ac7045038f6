// Hostile texts for extraction: each kind stresses one way a pipeline can go superlinear (one
// endless sentence, a date or a number every few words, runs of capitalised names, one actor named
// thousands of times, no line breaks at all). Our own words, generated to any size, repeatable.

/** The kinds of hostile text, by name. */
export const ADVERSARIAL_KINDS = [
  'chained-clauses',
  'repeated-dates',
  'no-punctuation',
  'many-numbers',
  'capitalised-names',
  'repeated-actors',
  'one-huge-line',
] as const;
export type AdversarialKind = (typeof ADVERSARIAL_KINDS)[number];

const PIECES: Record<AdversarialKind, readonly string[]> = {
  // Clauses joined by commas and "and": one sentence as long as the document.
  'chained-clauses': [
    'gunmen attacked a checkpoint in Kabul, killing 4 soldiers',
    'and militants stormed a market near Mogadishu on Monday',
    'and a car bomb exploded outside a hotel in Kirkuk, wounding 12 people',
    'and Al-Shabaab claimed the ambush on a convoy near Baidoa',
    'and security forces clashed with fighters of Boko Haram outside Maiduguri',
  ],
  'repeated-dates': [
    'On March 3, 2024 and on 14 June 2023',
    'since 2019-05-07, on Tuesday,',
    'by the end of January 2022 or late on Friday',
    'between 3 and 5 April 2021',
  ],
  'no-punctuation': [
    'the fighters moved through the villages near the river',
    'and the residents said they heard shooting in the night',
    'while officials in the capital gave no figure for the dead',
  ],
  'many-numbers': ['12', '3,400', 'at least 40', '7 to 9', 'dozens', '1.5 million', '2024', '88'],
  'capitalised-names': [
    'Abdul Rahman Karimi',
    'Mohammed Yusuf Hassan',
    'General Ahmed Salah',
    'Colonel Ibrahim Musa Bello',
    'Said Omar Farah',
    'North Waziristan',
  ],
  'repeated-actors': ['Al-Shabaab', 'the Islamic State', 'Boko Haram', 'the Taliban', 'ISWAP'],
  'one-huge-line': [
    'A car bomb exploded near a market in Kabul on Monday, killing 12 people, officials said.',
    'Al-Shabaab claimed responsibility for the attack in a statement.',
    'Gunmen opened fire on a checkpoint in Gao, Mali, late on Friday, according to the army.',
    'Police in Nigeria said they had foiled a plot to bomb a school and arrested 5 men.',
  ],
};

/**
 * A hostile text of `kind`, about `chars` UTF-16 code units long, the same for the same arguments.
 *
 * @example adversarialText('repeated-dates', 100_000).length // ≈ 100000
 */
export function adversarialText(kind: AdversarialKind, chars: number): string {
  const pieces = PIECES[kind];
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const piece = pieces[(i * 7 + (i >> 3)) % pieces.length]!;
    parts.push(piece);
    length += piece.length + 1;
  }
  return parts.join(' ').slice(0, chars);
}
