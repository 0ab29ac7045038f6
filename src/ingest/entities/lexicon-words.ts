import { createRequire } from 'node:module';

interface Lexicons {
  firstNames: Set<string>;
  lastNames: Set<string>;
  /** English words that are not names or places ("police", "reading", "said"). */
  common: Set<string>;
}

let lexicons: Lexicons | undefined;

const NAME_TAGS = new Set(['MaleName', 'FemaleName', 'FirstName', 'Person']);
const PLACE_TAGS = new Set([
  'City',
  'Country',
  'Place',
  'Region',
  'ProperNoun',
  'Organization',
  'SportsTeam',
]);

/**
 * Word lists taken from compromise's lexicon (first names, last names, common English words),
 * read once without running its parser.
 *
 * @example getLexicons().firstNames.has('joseph') // true
 */
export function getLexicons(): Lexicons {
  if (lexicons) return lexicons;
  const require = createRequire(import.meta.url);
  const nlp = require('compromise') as {
    model(): { one: { lexicon: Record<string, string | string[]> } };
  };
  const firstNames = new Set<string>();
  const lastNames = new Set<string>();
  const common = new Set<string>();
  for (const [word, tag] of Object.entries(nlp.model().one.lexicon)) {
    const tags = Array.isArray(tag) ? tag : [tag];
    if (tags.some((t) => NAME_TAGS.has(t))) firstNames.add(word);
    else if (tags.includes('LastName')) lastNames.add(word);
    else if (!tags.some((t) => PLACE_TAGS.has(t)) && !word.includes(' ')) common.add(word);
  }
  for (const w of EXTRA_FIRST_NAMES) firstNames.add(w);
  for (const w of EXTRA_COMMON) common.add(w);
  lexicons = { firstNames, lastNames, common };
  return lexicons;
}

// Given names frequent in conflict news from South Asia, the Middle East and Africa.
const EXTRA_FIRST_NAMES = [
  'abu',
  'abd',
  'salman',
  'hamza',
  'bakr',
  'anwar',
  'faisal',
  'jamal',
  'karim',
  'nabil',
  'samir',
  'walid',
  'ziad',
  'yasin',
  'idris',
  'abdul',
  'abdel',
  'abdullah',
  'abdallah',
  'abdulrahman',
  'mohammed',
  'muhammad',
  'mohammad',
  'mohamed',
  'mohamad',
  'ahmed',
  'ahmad',
  'ali',
  'hassan',
  'hasan',
  'hussein',
  'husain',
  'omar',
  'umar',
  'osama',
  'usama',
  'ayman',
  'sirajuddin',
  'haibatullah',
  'hibatullah',
  'zabihullah',
  'amir',
  'khalid',
  'khaled',
  'yusuf',
  'youssef',
  'ibrahim',
  'ismail',
  'mahmoud',
  'mustafa',
  'mostafa',
  'hamid',
  'rashid',
  'saif',
  'tariq',
  'imran',
  'nawaz',
  'shehbaz',
  'ashraf',
  'asif',
  'bilawal',
  'recep',
  'bashar',
  'hafez',
  'qasem',
  'qassem',
  'ismail',
  'hassan',
  'nasrallah',
  'yahya',
  'ismail',
  'haider',
  'nouri',
  'moqtada',
  'muqtada',
  'masoud',
  'vladimir',
  'volodymyr',
  'sergei',
  'sergey',
  'dmitry',
  'yevgeny',
  'alexei',
  'ramzan',
  'bola',
  'muhammadu',
  'goodluck',
  'abubakar',
  'abubakar',
  'idriss',
  'assimi',
  'ibrahim',
  'hemedti',
  'abdel-fattah',
  'abiy',
  'yoweri',
  'felix',
  'paul',
  'emmanuel',
  'olaf',
  'rishi',
  'narendra',
  'xi',
  'kim',
  'benjamin',
  'yoav',
  'isaac',
  'mahmoud',
  'ismail',
];

// Capitalised words in news that are neither names nor places.
const EXTRA_COMMON = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'islamic',
  'muslim',
  'muslims',
  'christian',
  'christians',
  'sunni',
  'shia',
  'shiite',
  'jewish',
  'kurdish',
  'arab',
  'western',
  'eastern',
  'northern',
  'southern',
  'central',
  'west',
  'east',
  'north',
  'south',
  'northwest',
  'northeast',
  'southwest',
  'southeast',
  'god',
  'allah',
  'internet',
  'covid',
  'ramadan',
  'christmas',
  'easter',
  'thanksgiving',
  'halloween',
  'hanukkah',
  'passover',
  'diwali',
  'nowruz',
  'ashura',
  'eid',
];
