/** A set of the space-separated words of a string (lists kept compact and readable). */
function toWordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}

/** Titles, ranks and offices that precede a person's name ("Gen.", "Prime Minister"). */
export const TITLE_WORDS: ReadonlySet<string> = toWordSet(
  'lord lady sir dame baroness baron earl duke president prime minister secretary gen ' +
    'general lt lieutenant col colonel maj major capt captain sgt sergeant staff spc pvt ' +
    'private cpl corporal adm admiral commodore cmdr cdr commander mr mrs ms dr sen senator ' +
    'rep representative gov governor mayor king queen prince princess sheikh shaikh emir ' +
    'mullah maulvi mawlawi ayatollah imam pope chancellor ambassador spokesman spokeswoman ' +
    'spokesperson chief judge justice petty officer brig brigadier marshal field deputy vice ' +
    'foreign defense defence interior press sultan crown cardinal archbishop bishop rev ' +
    'father envoy special attorney speaker leader commandant warrant master seaman airman ' +
    'class first operator director pentagon state home army navy air force marine sgt. supt ' +
    'insp inspector detective',
);

/** Titles that alone, before a capitalised word, make it a person's name. */
export const STRONG_TITLES: ReadonlySet<string> = toWordSet(
  'lord lady sir dame baroness baron earl duke president minister secretary gen general lt ' +
    'col colonel maj capt captain sgt sergeant spc pvt cpl adm admiral commodore cmdr cdr mr ' +
    'mrs ms dr sen senator rep gov governor mayor king queen prince sheikh emir mullah maulvi ' +
    'mawlawi ayatollah imam pope chancellor ambassador spokesman spokeswoman spokesperson ' +
    'brig brigadier marshal commander sultan envoy lieutenant officer judge',
);

/** Last words of an armed group's name ("… Front", "… Brigades"). */
export const ARMED_HEADS: ReadonlySet<string> = toWordSet(
  'front army movement brigade brigades battalion battalions militia militias mujahideen ' +
    'mujahidin jihad resistance corps legion regiment division guards guard tigers cartel ' +
    'faction forces force fighters rebels insurgents jamaat jamaah katiba lashkar jaish ansar ' +
    'squadron unit units command fleet marines navy',
);

/** Words that make a capitalised phrase an organisation ("Ministry of …", "… Agency"). */
export const ORG_HEADS: ReadonlySet<string> = toWordSet(
  'ministry department agency council committee commission office bureau directorate ' +
    'authority authorities court parliament assembly senate congress embassy consulate ' +
    'university institute center centre foundation association union organization ' +
    'organisation company corporation corp inc ltd llc group bank news times post press party ' +
    'service services network television tv radio journal herald tribune gazette daily ' +
    'federation league society coalition alliance administration government cabinet police ' +
    'hospital school college academy program programme mission task operation staff ' +
    'secretariat tribunal board initiative project fund watch international airlines airways ' +
    'industries holdings systems technologies media channel guardian gendarmerie',
);

/** Lower-case words that may sit inside a name ("Ministry of Defence", "Abu Bakr al-Baghdadi"). */
export const NAME_CONNECTORS: ReadonlySet<string> = toWordSet(
  'ez es ed er ech of the for al el ad ar as az ash an at bin ibn bint wa wal fi de du des del della da di ' +
    'do dos das la le von van der den ul ud e i',
);

/** Capitalised acronyms that are not organisations. */
export const NOT_ORG_ACRONYMS: ReadonlySet<string> = toWordSet(
  'AM PM GMT UTC TV USD EUR ID OK CEO CFO PDF HTML URL COVID GDP DNA BC AD II III IV VI VII ' +
    'VIII IX XI XII I A IT AI SMS GPS IED IEDS VBIED VBIEDS SVBIED RPG RPGS UAV UAVS AK ' +
    'MANPADS HIMARS ATACMS KM MM NEW THE AND BREAKING UPDATE WATCH LIVE VIDEO PHOTOS Z Q US ' +
    'UK EU',
);
