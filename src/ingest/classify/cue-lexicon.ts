/**
 * Hand-written cues for the distinctions that decide an ACLED sub-event type (ACLED Codebook,
 * sub-event definitions): each fires a feature `c:<name>` that the trained model weighs along
 * with the words. Patterns run on the lower-cased text. They are written from the codebook's
 * definitions and general news usage, never from evaluation snippets.
 */
import { AIRCRAFT_BOMBER } from '../text/person-bomber.js';
import { CONDUCT_CUES, toProtestConduct } from './protest-conduct.js';

const CUES: ReadonlyArray<readonly [string, RegExp]> = [
  [
    'suicide',
    /\bsuicide[- ](?:bomb|attack|blast|car|truck|vest|belt|mission|operation|squad)|blew (?:himself|herself|themselves) up|detonated (?:his|her|their) (?:explosive[s]? )?(?:vest|belt)|explosives?[- ](?:laden )?(?:vest|belt)|suicide bomber|self-detonat|martyrdom operation/,
  ],
  [
    'air',
    new RegExp(
      String.raw`\bair ?strikes?|\bair raids?|war ?planes?|fighter (?:jets?|planes?|aircraft)|\bjets\b|drone (?:strike|attack)s?|\bdrones?\b|unmanned aerial|helicopter gunships?|(?<!\bby )\bhelicopters?\b|aerial (?:bombardment|attack|bombing|strike)|barrel bombs?|air force|${AIRCRAFT_BOMBER}|coalition (?:aircraft|strike)|(?:israeli|us|u\.s\.|american|russian|turkish|saudi|coalition|french) (?:air ?)?strikes?\b|bombed from the air|sorties?`,
    ),
  ],
  [
    'shelling',
    /\bshell(?:ed|ing|s)?\b|artillery|mortars?\b|\brockets?\b(?![- ]propelled)|missiles?|howitzers?|katyusha|\bgrad\b|projectiles?|bombard(?:ed|ment)|long-range fire|multiple launch/,
  ],
  [
    'ied',
    /\bieds?\b|improvised explosive|roadside (?:bomb|blast|device)|land ?mines?|\bmine (?:blast|explosion|exploded)|car[- ]bomb|vehicle[- ]borne|booby[- ]trap|explosive device|(?:bomb|device|explosives?) (?:exploded|went off|detonated|blew up)|magnetic bomb|sticky bomb|parcel bomb|remote(?:ly)?[- ]?(?:controlled|detonated)|planted (?:a |an )?(?:bomb|explosive)|bomb blast|\bblast\b|explosion|\bexploded\b|bomb (?:attack|planted)|motorcycle bomb|time bomb/,
  ],
  ['grenade', /(?<!rocket[- ]propelled )grenades?|hurled (?:an )?explosive|\brpg-?7?\b(?!s)/],
  [
    'chemical',
    /chemical (?:weapon|attack|agent|munition|substance)|chlorine|sarin|mustard (?:gas|agent)|(?:sulphur|sulfur) mustard|phosgene|\bvx\b|tabun|nerve (?:agent|gas)|toxic (?:gas|chemical|fumes|substance)|poison(?:ous)? gas|gas attack|suffocation/,
  ],
  [
    'clash',
    /\bclash(?:es|ed)?\b|gun ?battles?|gunfights?|fire ?fights?|exchange[ds]? (?:of )?(?:fire|gunfire)|trad(?:ed|ing) (?:\w+ ){0,2}fire|machine-gun fire|repel(?:led|s)? (?:\w+ ){0,2}(?:assaults?|attacks?|raids?)|\bfighting\b|\bfought\b|ambush|\bbattled?\b|skirmish|offensive|counter-?attack|heavy fighting|under fire|engaged (?:in )?(?:combat|fighting)|attack(?:ed|s)? (?:on )?(?:a |an |the )?(?:\w+ )?(?:military|army|police|security|checkpoints?|bases?|posts?|convoys?|outposts?|positions?|barracks|patrols?|troops|soldiers)/,
  ],
  [
    'retake',
    /recaptur|re-?took|retake|regain(?:ed|s)? (?:full )?control|liberat|wrest(?:ed)? (?:back )?control|back under (?:government|state|army) control|cleared (?:\w+ ){0,3}of (?:militants|insurgents|terrorists|rebels|fighters|jihadists)|drove (?:\w+ ){0,4}out of|pushed (?:\w+ ){0,4}out of|flushed out|restored (?:state |government )?control|reclaim|(?:declared|is|was|now) (?:\w+ ){0,4}free of|freed (?:\w+ ){0,3}from (?:\w+ ){0,2}(?:militants|insurgents|rebels|fighters|jihadists|terrorists)/,
  ],
  [
    'seize',
    /seiz(?:ed|e|es|ing) control|took control|taken control|tak(?:e|es|ing) control|\bcaptur(?:ed|e|es|ing)\b|overr(?:an|un)|fell to|fallen to|seized (?:the )?(?:town|city|village|district|base|area|territory|headquarters|port|airport|border)|took over|taken over|(?:marched|rolled|swept|stormed) into|under (?:\w+ ){0,2}control|hoisted (?:their|its) flag|advance[ds]? (?:on|into)/,
  ],
  [
    'territory',
    /(?:seiz|captur|took|tak(?:en|e|es|ing)|overr[au]n|retook|recaptur|regain|gain(?:ed)? ground|control(?:led)?)\w* (?:\w+ ){0,4}(?:town|city|village|district|base|area|territory|region|province|neighbou?rhood|airport|port|hill|border|crossing|oil ?fields?|outskirts|control|centre|center|headquarters|strongholds?)|fell to|fallen to|under the control of/,
  ],
  [
    'state',
    /\b(?:army|troops|soldiers|government forces|security forces|military|police|policemen|regime|pro-government|national guard|forces loyal|gendarmes?|gendarmerie|marines|special forces|commandos|peacekeepers|armed forces|defen[cs]e forces|coalition forces|paramilitar\w*|border guards?|authorities)\b/,
  ],
  [
    'nonstate',
    /militants?|insurgents?|rebels?|jihadis?t?s?|terrorists?|\bfighters\b|islamic state|\bisis\b|\bisil\b|\bis\b(?= (?:militants|fighters|group))|daesh|taliban|al-?shabaa?b|boko haram|al-?qaeda|houthis?|separatists?|gunmen|armed (?:group|men|gang)|extremists|mujahideen|\bhts\b|iswap|\bjnim\b|guerrillas?|bandits|maoists?|naxal|militias?/,
  ],
  [
    'civilians',
    /civilians?|villagers|worshippers|farmers|passengers|residents|women|children|students|pupils|herders|traders|shoppers|pilgrims|family|families|mourners|commuters|teachers|aid workers|journalists?|churchgoers|fishermen|unarmed/,
  ],
  [
    'killing',
    /shot dead|gunned down|killed|\bdead\b|death toll|murder|massacr|stabb|hacked to death|behead|execut|slaughter|butcher|opened fire|shot and killed|assassinat|burned alive|lynch|beaten to death/,
  ],
  [
    'abduct',
    /abduct|kidnap|hostage|taken captive|held captive|forcibly disappeared|enforced disappearance|forced disappearance|whereabouts (?:remain|are|is) unknown|went missing|taken away by|carried off|snatched|ransom/,
  ],
  [
    'sexual',
    /\brap(?:e|ed|es|ing|ist|ists)\b|sexual(?:ly)? (?:assault|abus|violen|slavery|exploit|harass|attack)|gang-?rap|molest|sex slaves?|sexual violence|defiled|indecent assault/,
  ],
  [
    'protest',
    /protest|demonstrat|\brall(?:y|ied|ies|ying)\b|\bmarch(?:ed|es|ers|ing)\b|(?<!\b(?:in|on|since|early|late|last|of|until|by|mid|from|this|next)[- ])\bmarch\b(?! \d)|sit-?ins?|picket|blockade|went on strike|general strike|hunger strike|on strike|strik(?:e|ing) workers|placards?|banners?|chant(?:ed|ing)|slogans|petition|vigil|took to the streets|gathered (?:outside|in front)/,
  ],
  [
    'intervention',
    /tear ?gas|teargas|water cannons?|rubber bullets|dispers(?:e|ed|ing)|baton|pepper spray|broke up|stun grenades?|stun guns?|kettl|cordon|(?:arrested|detained|rounded up) (?:\w+ ){0,3}(?:protesters|demonstrators|activists|marchers|participants)|(?:protesters|demonstrators) (?:were )?(?:arrested|detained)|blocked (?:the )?march|prevented (?:\w+ ){0,3}from marching/,
  ],
  [
    'force',
    /(?:opened fire|fired live|live (?:rounds|ammunition|bullets|fire)|fired (?:at|on|into)) (?:\w+ ){0,4}(?:protesters|demonstrators|crowds?|marchers|rally)|(?:shot|killed|killing|shooting) (?:dead )?(?:\w+ ){0,3}(?:protesters|demonstrators|marchers)|(?:protesters|demonstrators|marchers) (?:\w+ ){0,3}(?:killed|shot dead|shot)|(?:shot|killed|killing|shooting) (?:dead )?(?:\w+ ){0,3}(?:people|men|women|youths|students|civilians) (?:\w+ ){0,2}(?:demonstrating|protesting|marching|rallying)|crackdown|brutally|bloody crackdown|beat (?:\w+ ){0,2}(?:protesters|demonstrators) to death/,
  ],
  [
    'riot',
    /\briot(?:s|ers|ing|ed)?\b(?! (?:police|squad|gear|officers|control|units?|troops))|threw (?:stones|rocks|bottles|petrol|molotov|objects)|hurl(?:ed|ing) (?:stones|rocks|bottles|projectiles)|stone-?pelt|pelted|torch(?:ed|ing)|set (?:\w+ ){0,3}(?:on )?fire|burn(?:ed|t|ing) (?:tyres|tires|cars|vehicles)|vandali[sz]|smash(?:ed|ing)|molotov|petrol bombs?|firebombs?|clash(?:ed|es)? with (?:the )?(?:police|security|riot)|barricades?|rampage|violent (?:protest|demonstration)|turn(?:ed|s)? (?:very )?violent|(?<!police )(?<!sexual )violen(?:ce|t)\b(?! (?:crackdown|repression|dispersal))|scuffl|projectiles? (?:were |was )?(?:thrown|hurled)|threw projectiles|attacked (?:the )?police|injur(?:ed|ing) (?:\w+ ){0,2}(?:police|officers)/,
  ],
  [
    'crowd',
    /youths|rioters|\bcrowds?\b|\bmobs?\b|angry (?:residents|villagers|people)|demonstrators|protesters/,
  ],
  [
    'mob',
    /\bmobs?\b|lynch|vigilante|angry (?:crowd|residents|villagers|youths)|irate|beaten to death|crowd (?:attacked|beat|set|stoned|killed)|jungle justice|mob justice|communal (?:clash|violence)|sectarian clash|ethnic clash|(?:villagers|residents|youths) attacked|set upon/,
  ],
  [
    'loot',
    /\bloot|pillag|plunder|ransack|set (?:\w+ ){0,2}fire to (?:\w+ ){0,4}(?:houses|homes|shops|cars|vehicles|buildings|crops|fields|church(?:es)?|mosques?|schools?|offices|huts|villages?)|(?:torched|burn(?:ed|t)(?: down)?|destroy(?:ed)?|razed|demolish(?:ed)?) (?:\w+ ){0,3}(?:houses|homes|shops|vehicles|buildings|property|properties|crops|church(?:es)?|mosques?|schools?|offices|stores|market|tower|mast|huts|granar)|razed|demolition|demolish|arson|\bstole\b|stolen|property destruction|damag(?:ed|ing) (?:\w+ ){0,2}(?:property|properties|buildings|shops)|burned (?:\w+ ){0,2}villages?/,
  ],
  [
    'arrest',
    /\barrest|\bdetain|custody|apprehend|rounded up|\bnabbed|\bjailed|\bimprisoned|held for questioning|remanded|charged with|in connection with|handcuff|picked up by|crackdown on (?:\w+ ){0,2}suspects|raid(?:ed|s)? (?:\w+ ){0,4}(?:arrested|detained)|suspects/,
  ],
  [
    'disrupt',
    /defus|diffus|deactivat|dismantl|disarm|bomb disposal|bomb squad|sappers|(?:weapons|arms|ammunitions?|grenades|bullets|cartridges|explosives|rifles|pistols|guns|rounds|ieds|mines|caches?) (?:\w+ ){0,6}(?:were|was|have been|has been|had been) (?:seized|found|captured|recovered|discovered|confiscated|destroyed)|(?:seized|captured|confiscated|destroyed) (?:\w+ ){0,6}(?:caches?|weapons|arms|explosives|ammunitions?|cartridges|bullets|rifles|pistols|guns|grenades|bombs|detonators|ieds?|improvised explosive)|seized (?:\w+ ){0,3}(?:cache|weapons|arms|explosives|ammunition|rifles|guns|grenades|bombs|detonators|ieds?)|(?:weapons|arms|ammunition|explosives) cache|recover(?:ed|s)? (?:\w+ ){0,4}(?:weapons|explosives|ammunition|rifles|ieds?|bombs?|grenades|mortars?|rockets?)|(?:found|discovered|unearthed|uncovered) (?:\w+ ){0,4}(?:explosives|bombs?|ieds?|device|weapons|rockets?|mines?|landmines?|land mines?|rifles|guns|pistols|grenades|ammunition|arms)|intercept|shot down|controlled explosion|before (?:it|they) (?:could )?(?:explode|detonate|go off|went off)|unexploded|neutrali[sz]ed (?:\w+ ){0,2}(?:bomb|ied|device|explosive|drone|missile)|air defen[cs]e|foiled|thwarted|destroyed (?:\w+ ){0,3}(?:drones?|missiles?)|downed/,
  ],
  [
    'agreement',
    /\bagree(?:d|s|ment)?\b|accord\b|\bdeal\b|cease-?fire|truce|peace (?:talks|deal|pact|treaty|process|agreement|accord)|\bsigned\b|memorandum|prisoner (?:swap|exchange)|in exchange for|negotiat|reconcil|\bpact\b|armistice|power-sharing|settlement/,
  ],
  [
    'hq',
    /headquarters|set (?:up|up a) (?:\w+ ){0,2}(?:base|camp|office|command|post)|establish(?:ed|es|ing)? (?:a |an |its |their )?(?:\w+ )?(?:base|camp|headquarters|outpost|office|command|presence)|new (?:military )?base|opened (?:a |an )?(?:\w+ )?(?:office|base|camp|outpost)|buil[dt] (?:a |an )?(?:\w+ )?(?:base|camp|outpost)|training camp|command cent(?:er|re)|stronghold|garrison/,
  ],
  [
    'transfer',
    /hand(?:ed|ing|s)? over|handover|withdr(?:ew|awn|awal|aw)|pulled out|retreat|without (?:a |any )?(?:fight|resistance|clashes|bloodshed|firing a shot|a shot being fired)|transferred control|transfer of (?:control|territory|power)|ceded|vacat(?:ed|e)|evacuated (?:\w+ ){0,2}positions|peacefully|took over from|replaced (?:\w+ ){0,3}(?:troops|forces)|deployed (?:\w+ ){0,4}after (?:\w+ ){0,4}withdr/,
  ],
  [
    'change',
    /\bmerg|\bsplit\b|splinter|defect|pledged allegiance|pledge of allegiance|new leader|appointed|named (?:as )?(?:\w+ )?(?:leader|commander|chief|head|emir)|disband|dissolv|renamed|rebrand|formed a new|announced (?:\w+ ){0,3}(?:formation|creation|launch|suspension|end)|recruit|curfew|state of emergency|\bbanned\b|ban on|suspend(?:ed|s)? (?:\w+ ){0,3}(?:operations|activities|talks)|deploy(?:ed|ment|s)|mobili[sz]|reinforcements|martial law|designated (?:\w+ ){0,3}(?:terrorist|group)|leadership|new (?:strategy|wing|faction|alliance|coalition)|alliance|joined forces|sent (?:\w+ ){0,3}(?:troops|soldiers)/,
  ],
  [
    'other',
    /mass graves?|prison ?break|(?:inmates|prisoners|detainees) (?:\w+ ){0,2}(?:escaped|broke out|were freed)|jail ?break|escaped from (?:\w+ ){0,2}(?:prison|jail)|cyber-?attack|\bhack(?:ed|ers)\b|bodies (?:\w+ ){0,2}(?:found|discovered|exhumed|recovered)|(?:found|discovered|recovered) (?:the )?(?:\w+ ){0,2}bodies|unidentified bodies|corpses?|remains of/,
  ],
  [
    'threat',
    /threat(?:en|ened|ens|ening)|\bvow(?:ed|s)? to|warn(?:ed|s|ing)? (?:of|that)|ultimatum/,
  ],
  ['injury', /wound|injur|casualt|hurt|maimed|hospitali[sz]ed/],
];

/**
 * The cue features that fire on a text, as `c:<name>`, plus `a:state-first` or `a:nonstate-first`
 * for whichever kind of actor the text names first (who captured a town decides between ACLED's
 * "Government regains territory" and "Non-state actor overtakes territory"). `nonStateAt` is the
 * offset of a non-state group found by other means (the entity stage), or -1.
 *
 * @example findCueFeatures('Militants overran an army base') // ['c:seize', 'c:state', 'c:nonstate', ..., 'a:nonstate-first']
 */
export function findCueFeatures(text: string, nonStateAt: number = -1): string[] {
  const lower = text.toLowerCase();
  // A protest's purpose and negated conduct do not fire the conduct cues (protest-conduct.ts).
  const conduct = /protest|demonstrat|rall|march|sit-?in/.test(lower)
    ? toProtestConduct(lower)
    : lower;
  const found: string[] = [];
  let statePos = -1;
  let nonStatePos = -1;
  for (const [name, pattern] of CUES) {
    const match = pattern.exec(CONDUCT_CUES.has(name) ? conduct : lower);
    let at = match ? match.index : -1;
    // A group the entity stage recognised counts even when no generic word names its kind.
    if (name === 'nonstate' && nonStateAt >= 0 && (at < 0 || nonStateAt < at)) at = nonStateAt;
    if (at < 0) continue;
    found.push('c:' + name);
    if (name === 'state') statePos = at;
    if (name === 'nonstate') nonStatePos = at;
  }
  if (statePos >= 0 && (nonStatePos < 0 || statePos < nonStatePos)) found.push('a:state-first');
  if (nonStatePos >= 0 && (statePos < 0 || nonStatePos < statePos)) found.push('a:nonstate-first');
  // Pairs of cues let a linear model learn interactions the codebook states, e.g. protest with
  // rioting is a violent demonstration, a capture by a state actor is a regained territory.
  const pairs: string[] = [];
  for (let i = 0; i < found.length; i++) {
    for (let j = i + 1; j < found.length; j++) pairs.push(`p:${found[i]}+${found[j]}`);
  }
  return found.concat(pairs);
}

/**
 * True when an actor's name reads as a state force (army, police, government forces).
 *
 * @example isStateActorName('Nigerian Army') // true
 */
export function isStateActorName(name: string): boolean {
  return STATE_PATTERN.test(name.toLowerCase());
}

/** The names of every cue, for tests and the ADR. */
export const CUE_NAMES: readonly string[] = CUES.map(([name]) => name);

const STATE_PATTERN = CUES.find(([name]) => name === 'state')?.[1] ?? /$^/;

/** The cue lexicon's words for state forces and for non-state groups (lower-case text). */
export const STATE_WORDS: RegExp = STATE_PATTERN;
export const NONSTATE_WORDS: RegExp = CUES.find(([name]) => name === 'nonstate')?.[1] ?? /$^/;

/** Whether the cue `name` fires on `text`, read lower-cased as findCueFeatures reads it. */
export function firesCue(name: string, text: string): boolean {
  const pattern = CUES.find(([cue]) => cue === name)?.[1];
  return pattern !== undefined && pattern.test(text.toLowerCase());
}
