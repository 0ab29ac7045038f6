import type { ActorEntity } from '../extract-types.js';
import type { ActorRecord } from '../gazetteer/actor-record.js';
import { ACTOR_RECORDS } from '../gazetteer/actor-records.js';
import { getCountries } from '../gazetteer/countries.js';

// A branch named in words resolves to the branch, not to its parent: "the Islamic State's
// Khorasan branch", "the group's Khorasan affiliate", "its Sahel province". ACLED and analysts
// track branches as actors of their own; the parent's name in the sentence must not win.

const BRANCH_NOUN = String.raw`(?:branch|province|affiliate|chapter|wing|franchise|offshoot|arm|faction)`;
/** Right after a group's name: "'s Khorasan branch", "'s regional affiliate in Khorasan". */
const AFTER_NAME = new RegExp(
  String.raw`^(?:\s+(?:group|movement|organi[sz]ation|network))?(?:'s|’s)\s+(?:(?:so-called|regional|local|self-styled)\s+)?(?:([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+)?${BRANCH_NOUN}\b(?:\s+(?:in|for)\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?))?`,
);
/** Pointing back at a group named before: "the group's Khorasan branch", "its West Africa province". */
const POINTING_BACK = new RegExp(
  String.raw`\b(?:[Ii]ts|whose|[Tt]he\s+(?:group|movement|organi[sz]ation|network)(?:'s|’s))\s+(?:(?:regional|local)\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+${BRANCH_NOUN}\b`,
  'g',
);
/** Before a group's name: "the Afghan branch of the Islamic State" (a branch named by region). */
const BEFORE_NAME = new RegExp(
  String.raw`(?:[Tt]he\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+${BRANCH_NOUN}\s+of\s+(?:the\s+)?$`,
);
/** "the Khorasan branch of the group" points back at the group named before. */
const BRANCH_OF_IT = new RegExp(
  String.raw`\b[Tt]he\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+${BRANCH_NOUN}\s+of\s+(?:the\s+(?:group|movement|organi[sz]ation|network)|it)\b`,
  'g',
);
/** Right after a group's short name: "-Somalia", "–Sahel". */
const HYPHEN_REGION = /^[-–]([A-Z][a-z]+(\s+[A-Z][a-z]+)?)\b/;
const HYPHEN_REGION_ONE = /^[-–]([A-Z][a-z]+)\b/;
/** How far back a pointing phrase looks for the group it means. */
const POINT_BACK_CHARS = 400;

/**
 * Rewrites actor mentions of a parent group followed by a branch in words into the branch, and
 * adds the branch for a phrase that points back at a group named earlier. A region with no
 * branch in the gazetteer leaves the parent as it was.
 *
 * @example resolveBranches("The Islamic State's Khorasan branch claimed it.", actors)
 */
export function resolveBranches(
  text: string,
  actors: readonly ActorEntity[],
  known: readonly ActorRecord[] = [],
): ActorEntity[] {
  const records = [...known, ...ACTOR_RECORDS];
  const out: ActorEntity[] = [];
  for (const actor of actors) {
    const m = AFTER_NAME.exec(text.slice(actor.end, actor.end + 80));
    const region = m?.[1] ?? m?.[2];
    const branch = region ? findBranch(records, actor.canonical, region) : undefined;
    const b = BEFORE_NAME.exec(text.slice(Math.max(0, actor.start - 60), actor.start));
    // "the Afghan branch of the Islamic State": the region may be an adjective ("Afghan"), so a
    // branch named just before stands for it when the gazetteer has no record for the word.
    const before = b
      ? (findBranch(records, actor.canonical, b[1]!) ??
        out.find(
          (a) =>
            a.end <= actor.start - b[0].length &&
            actor.start - a.end <= 80 &&
            a.canonical !== actor.canonical &&
            a.canonical.toLowerCase().includes(actor.canonical.toLowerCase()),
        ))
      : undefined;
    // "ISIS-Somalia", "IS-Sahel", "Daesh-Yemen": the parent's short name joined to a region.
    let h = m ? null : HYPHEN_REGION.exec(text.slice(actor.end, actor.end + 40));
    let joined = h ? findBranch(records, actor.canonical, h[1]!) : undefined;
    if (h && !joined && h[2]) {
      // "ISIS-Somalia Fighters" in a headline: the region is the first word.
      h = HYPHEN_REGION_ONE.exec(h[0]);
      joined = h ? findBranch(records, actor.canonical, h[1]!) : undefined;
    }
    if (m && branch) {
      const end = actor.end + m[0].length;
      out.push({ ...actor, text: text.slice(actor.start, end), end, canonical: branch.canonical });
    } else if (h && joined) {
      const end = actor.end + h[0].length;
      out.push({ ...actor, text: text.slice(actor.start, end), end, canonical: joined.canonical });
    } else if (b && before) {
      const start = actor.start - b[0].length;
      out.push({
        ...actor,
        text: text.slice(start, actor.end),
        start,
        canonical: before.canonical,
      });
    } else out.push(actor);
  }
  for (const m of [...text.matchAll(POINTING_BACK), ...text.matchAll(BRANCH_OF_IT)]) {
    const start = m.index + m[0].length - (m[0].length - m[0].indexOf(m[1]!));
    if (out.some((a) => a.start < m.index + m[0].length && m.index < a.end)) continue;
    const parent = [...out]
      .reverse()
      .find((a) => a.end <= m.index && m.index - a.end <= POINT_BACK_CHARS);
    // With no group named before, a region that only one branch bears names it ("the group's
    // Khorasan branch" → Islamic State Khorasan Province).
    const branch = parent
      ? findBranch(records, parent.canonical, m[1]!)
      : onlyBranchOf(records, m[1]!);
    if (!branch) continue;
    const end = m.index + m[0].length;
    out.push({
      type: 'actor',
      text: text.slice(start, end),
      start,
      end,
      canonical: branch.canonical,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The record whose name holds both the parent's name (or an alias) and the region word. */
function findBranch(
  records: readonly ActorRecord[],
  parent: string,
  region: string,
): ActorRecord | undefined {
  const parentRecord = records.find((r) => r.canonical === parent);
  const parentNames = [parent, ...(parentRecord?.aliases ?? [])]
    .map((n) => n.toLowerCase())
    .filter((n) => n.length >= 3);
  const regionWord = new RegExp(`\\b${region.replace(/[^\w\s-]/g, '')}\\b`, 'i');
  const isBranch = (r: ActorRecord): boolean =>
    r.canonical !== parent &&
    [r.canonical, ...r.aliases].some((name) =>
      parentNames.some((p) => name.toLowerCase().includes(p)),
    );
  const named = records.find(
    (r) => isBranch(r) && [r.canonical, ...r.aliases].some((name) => regionWord.test(name)),
  );
  if (named) return named;
  // "the Islamic State's Afghan affiliate": a country or its adjective names the one branch whose
  // home is that country (none when two branches share it).
  const country = getCountries().find(
    (c) => c.names.includes(region) || c.demonyms.includes(region),
  );
  return country ? branchAtHome(parent, country.code, records) : undefined;
}

/**
 * The one branch of `parent` whose home is `country` (ISO alpha-2): the one whose first home it
 * is, else the one that operates there at all; none when two branches share it. A branch is a
 * record whose name holds the parent's name or one of its aliases.
 *
 * @example branchAtHome('Islamic State', 'AF')?.canonical // 'Islamic State Khorasan Province'
 */
export function branchAtHome(
  parent: string,
  country: string,
  records: readonly ActorRecord[] = ACTOR_RECORDS,
): ActorRecord | undefined {
  const parentRecord = records.find((r) => r.canonical === parent);
  const parentNames = [parent, ...(parentRecord?.aliases ?? [])]
    .map((n) => n.toLowerCase())
    .filter((n) => n.length >= 3);
  const branches = records.filter(
    (r) =>
      r.canonical !== parent &&
      [r.canonical, ...r.aliases].some((name) =>
        parentNames.some((p) => name.toLowerCase().includes(p)),
      ),
  );
  // The branch whose first home it is; failing that, the one branch that operates there at all.
  const first = branches.filter((r) => r.homeCountries?.[0] === country);
  if (first.length > 0) return first.length === 1 ? first[0] : undefined;
  const any = branches.filter((r) => r.homeCountries?.includes(country));
  return any.length === 1 ? any[0] : undefined;
}

/** The one record a region word names, when it names exactly one. */
function onlyBranchOf(records: readonly ActorRecord[], region: string): ActorRecord | undefined {
  const regionWord = new RegExp(`\\b${region.replace(/[^\w\s-]/g, '')}\\b`, 'i');
  const found = records.filter((r) => regionWord.test(r.canonical));
  return found.length === 1 ? found[0] : undefined;
}
