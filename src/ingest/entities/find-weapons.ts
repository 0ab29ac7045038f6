import type { OtherEntity } from '../extract-types.js';

// Weapons and explosive devices as conflict reporting names them; adjectives that belong to the
// weapon ("heavy machine gun", "homemade bombs") are kept in the span. Strikes ("air strikes")
// are events, which the event classifier reads, not weapons.
const WEAPON = new RegExp(
  String.raw`\b(?:(?:heavy|light|small|single|homemade|home-made|improvised|crude|powerful|anti-aircraft|anti-tank|ground-based|precision|guided|ballistic|cruise|surface-to-air|air-to-surface|rocket|mortar|artillery|chemical|suicide|explosive|truck|car|roadside|vehicle-borne|sticky|barrel|cluster|kamikaze|attack|armed|\d+mm|\d+-mm)\s+){0,3}` +
    String.raw`(?:S?VBIEDs?|IEDs?|RPGs?|UAVs?|MANPADS|AK-47s?|AK-74s?|M16s?|M4s?|Kalashnikovs?|HIMARS|ATACMS|Shahed\s+drones?|Shaheds?|Stingers?|Javelins?|` +
    String.raw`(?:vehicle-borne\s+)?improvised\s+explosive\s+devices?|vehicle-borne\s+(?:homemade\s+)?bombs?|explosive\s+devices?|` +
    String.raw`rocket-propelled\s+grenades?(?:\s+launchers?)?|rocket\s+propelled\s+grenades?(?:\s+launchers?)?|grenade\s+launchers?|grenades?|` +
    String.raw`machine\s*guns?|sub-?machine\s+guns?|assault\s+rifles?|sniper\s+rifles?|rifles?|pistols?|handguns?|firearms?|shotguns?|guns?|` +
    String.raw`mortars?(?:\s+(?:rounds?|shells?|systems?))?|rockets?(?:\s+launchers?)?|missiles?|artillery(?:\s+(?:systems?|shells?|rounds?|pieces?))?|howitzers?|shells|` +
    String.raw`drones?|munitions|ammunition|explosives|bombs?|car\s+bombs?|truck\s+bombs?|vehicle\s+bombs?|suicide\s+(?:vests?|belts?)|explosive\s+(?:vests?|belts?)|` +
    String.raw`landmines?|land\s+mines?|mines|chemical\s+weapons|weapons?(?:\s+systems?)?|military\s+hardware|knives|knife|machetes?)\b`,
  'g',
);

/**
 * Finds weapons and explosive devices ("a VBIED", "rocket-propelled grenades", "a suicide
 * vest", "drones").
 *
 * @example findWeapons('He fired a rocket-propelled grenade.')[0]?.text // 'rocket-propelled grenade'
 */
export function findWeapons(text: string): OtherEntity[] {
  const found: OtherEntity[] = [];
  for (const m of text.matchAll(WEAPON)) {
    const word = m[0];
    // "mines" alone is often the mining industry; keep it only near war words.
    if (
      /^mines$/i.test(word) &&
      !/\b(?:planted|laid|land|anti|clear|detonat|explod)/i.test(
        text.slice(Math.max(0, m.index - 40), m.index + 40),
      )
    )
      continue;
    found.push({ type: 'weapon', text: word, start: m.index, end: m.index + word.length });
  }
  return found;
}
