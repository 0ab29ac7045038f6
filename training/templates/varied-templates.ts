/**
 * A third set of training templates that widens the vocabulary of each sub-event type: other
 * verbs, passive voice, reports at one remove ("a group said", "according to"). `{slot}` draws
 * from slots.ts; `[a|b]` picks one alternative. Written by us.
 */
export const VARIED_TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  'Armed clash': [
    '{nat} soldiers take position during fighting with {nsa} in {place}, [Sunday|Monday], [Jan.|June] [14|30], [2017|2020].',
    'According to a local commander, {n} of his men died repelling an assault by {nsa} on {place}.',
    'The clashes between [the two armed groups|the militia and the army|rival rebel factions] spread to the suburbs of {place}.',
    '{state} said they had killed {n} attackers who raided a border post near {place}.',
    'Gunfire and explosions were heard as {state} battled {nsa} on the edge of {place}.',
  ],
  'Government regains territory': [
    'Backed by air support, {state} [captured|retook|recaptured] the road to {place} and several nearby villages.',
    '{nsa} were forced out of {place} by {state} after three days of fighting.',
    'The ministry of defence said the army had restored control over all of {place} district.',
  ],
  'Non-state actor overtakes territory': [
    '{state} abandoned their positions in {place}, which {nsa} then occupied after a short battle.',
    'According to residents, {nsa} now run checkpoints across {place}, which they seized from the army last week.',
    '{nsa} claimed control of the [district|town|oil field|border crossing] of {place} after the garrison surrendered.',
  ],
  'Chemical weapon': [
    'A rights group said [government forces|the regime|the militants] used [chlorine|a nerve agent|toxic gas] against {place}, killing {n}.',
    'Victims of the attack in {place} were treated for exposure to [chlorine|a chemical substance|poisonous gas].',
    'The attack on {place} involved [canisters|munitions] of chlorine gas dropped on residential areas.',
  ],
  'Air/drone strike': [
    'According to the monitoring group, {n} people were killed by air raids on {place}.',
    'The [air force|navy|coalition] said its [aircraft|jets|drones] hit {n} targets belonging to {nsa} around {place}.',
    'Residents said planes circled above {place} before bombs struck the market.',
    'An unmanned aircraft fired [two missiles|a missile] at a house in {place} where {nsa} commanders were meeting.',
  ],
  'Suicide bomb': [
    'People gather at the site of a suicide bombing in {place}, [Monday|Friday], [April|Sept.] [3|28], [2018|2021].',
    'According to police, the bomber approached the [checkpoint|gate|crowd] on foot and detonated his explosives in {place}.',
    'A [woman|teenager|man] wearing an explosive belt blew [herself|himself] up [at a market|near a mosque|at a bus station] in {place}.',
    '{nsa} said one of its fighters carried out the suicide attack on {state} in {place}.',
  ],
  'Shelling/artillery/missile attack': [
    'Firefighters work at a building hit by a missile in {place}, [Tuesday|Friday], [Oct.|March] [10|22], [2022|2023].',
    'According to the ministry, {state} fired [dozens of|hundreds of] [shells|rockets|missiles] at {place} overnight.',
    'Projectiles fired from across the border hit [homes|a school|farmland] in {place}.',
    '{n} people were wounded when a shell struck [a bus|a queue for bread|a playground] in {place}.',
    'Incoming [rocket|mortar] fire hit the [airport|military base|embassy compound] in {city}.',
  ],
  'Remote explosive/landmine/IED': [
    'Security officials inspect the site of a bomb blast in {place}, [Monday|Tuesday|Thursday], [Feb.|May|July] [2|17], [2019|2020].',
    'The wreckage of a car destroyed by a bomb explosion lies on a street in {place}.',
    'According to police, the explosive device had been hidden in a [rubbish bin|parked car|sack of vegetables] in {place}.',
    'An [explosion|IED blast|bomb blast] targeted a [convoy|patrol|minibus] near {place}, killing {n}.',
    '{nsa} said they detonated a bomb against {state} on the road to {place}.',
    'A [cart|bicycle|parked motorcycle] packed with explosives blew up near a [checkpoint|market|police post] in {place}.',
  ],
  Grenade: [
    'According to witnesses, the attacker pulled the pin and threw a grenade into the [crowd|bar|shop] in {place}.',
    'A grenade tossed at [a police patrol|a polling station|a restaurant] in {place} wounded {n}.',
    '{n} people were wounded by a grenade explosion at a [market|wedding|bus stop] in {place}.',
  ],
  'Sexual violence': [
    'Doctors in {place} treated [dozens of|several|{n}] women who said they had been raped by [soldiers|fighters|armed men].',
    'A [policeman|soldier|prison guard] was arrested on suspicion of raping a [detainee|woman|girl] in {place}.',
    'According to the UN, fighters used rape as a weapon of war in {place}.',
  ],
  Attack: [
    'According to survivors, the attackers went from house to house in {place}, shooting [men|residents|villagers].',
    'A gunman killed {n} people at a [market|church|school|bus station] in {city}.',
    '{n} civilians were killed in an attack on their village near {place} blamed on {nsa}.',
    'The bodies of {n} villagers killed by {nsa} were buried in {place}.',
  ],
  'Abduction/forced disappearance': [
    'According to relatives, {n} men were taken from their homes in {place} by armed men at night.',
    '{nsa} are holding {n} [workers|pupils|travellers] they abducted in {place}.',
    'Kidnappers seized [a doctor|a pastor|an engineer] in {place} and are demanding a ransom.',
  ],
  'Peaceful protest': [
    '[Demonstrators|Protesters|Supporters of the opposition] chant slogans during a rally in {city}, [Friday|Saturday|Sunday], [Oct.|Nov.|March|June] [4|12|21], [2019|2020|2021].',
    'A protester holds a placard reading "[Justice now|Free them all|No to the war]" during a demonstration in {city}.',
    "[Students|Workers|Women] take part in a march to mark [International Women's Day|May Day|the anniversary of the uprising] in {city}.",
    'According to organisers, [thousands|tens of thousands] joined the march in {city}, which passed off peacefully.',
    'Demonstrators in {city} waved flags and sang as they called for [the president to resign|new elections|an end to the war].',
    '[Workers|Doctors|Teachers] in {city} held a [strike|rally|sit-in] over [pay|working conditions|pensions].',
    'People gathered in central {city} for a [vigil|peaceful rally|protest] for [the victims|the missing|peace].',
  ],
  'Protest with intervention': [
    'Police officers detain a protester during a rally in {city}, [Saturday|Sunday], [Jan.|Aug.|Sept.] [9|23], [2020|2021].',
    'Riot police push back demonstrators outside [parliament|the presidential palace] in {city}.',
    '{police} [dispersed|broke up|cleared] a protest camp in {city} and detained [several|dozens of|{n}] activists.',
    'The march in {city} was stopped by {police}, who fired tear gas at the crowd.',
    'According to organisers, {police} detained [dozens of|several] people before the rally in {city} could begin.',
  ],
  'Excessive force against protesters': [
    'According to medics, {n} protesters were killed by live fire in {city}.',
    '{police} shot into a peaceful crowd in {city}, killing {n} and wounding dozens.',
    'A demonstrator was killed when {police} fired at [a march|a rally|a sit-in] in {city}.',
  ],
  'Violent demonstration': [
    'A protester throws a tear gas canister back at police during clashes in {city}, [Friday|Saturday|Sunday], [Oct.|Nov.|Jan.] [4|12|21], [2019|2020].',
    'Demonstrators run from police amid burning barricades in {city} during protests over [the election|fuel prices|the new law].',
    'Masked protesters smash the windows of a bank during an anti-government demonstration in {city}.',
    'Protesters [set ablaze|torched|burned] the offices of [the ruling party|the electoral commission|a mining company] in {city}.',
    'According to police, {n} officers were injured by stones thrown by demonstrators in {city}.',
    'Demonstrators in {city} [smashed windows|overturned cars|looted shops] and clashed with police.',
    'Youths burned tyres and fought running battles with {police} in {city}.',
  ],
  'Mob violence': [
    'According to police, a mob dragged [a suspect|two men|a woman] from [a police cell|a bus|their home] in {place} and killed [him|them|her].',
    '[Villagers|Residents|Youths] in {place} [beat|stoned|burned] a suspected [thief|kidnapper|witch] to death.',
    'Rival groups of [youths|villagers|supporters] attacked each other with [sticks|machetes|stones] in {place}.',
  ],
  Agreement: [
    'According to mediators, the [government|army] and {nsa} agreed to a [ceasefire|truce|prisoner exchange] in {place}.',
    'The deal signed in {city} provides for the [disarmament|withdrawal|integration] of {nsa}.',
    'Elders brokered a [truce|peace deal|reconciliation agreement] between rival [clans|communities] in {place}.',
  ],
  Arrests: [
    'Police escort a suspect after his arrest in {city}, [Tuesday|Wednesday], [March|Dec.] [5|19], [2019|2022].',
    'Prosecutors said the [suspect|man|woman] arrested in {city} would be charged with [membership of a terrorist group|murder|arms trafficking].',
    'According to police, {n} [suspects|people|men] were arrested in {place} over [the attack|the killing|links to {nsa}].',
    '[Intelligence officers|Police|Soldiers] detained [a cleric|a commander|a smuggler|an activist] in {place}.',
    'A court in {city} remanded {n} suspects in custody after their arrest [on Monday|last week].',
  ],
  'Change to group/activity': [
    'According to a statement, {nsa} have chosen a new [leader|emir|commander] to replace the one killed in {place}.',
    'The [government|army|ministry] announced that [a curfew|a state of emergency|a ban on gatherings] would take effect in {place}.',
    '{nsa} and another armed group announced an alliance in {place}.',
  ],
  'Disrupted weapons use': [
    'Weapons and ammunition seized from {nsa} are displayed to the media in {place}.',
    'A bomb disposal robot approaches a suspicious package outside [a mall|a station|an embassy] in {city}; it was later made safe.',
    'According to police, the device was defused before it could explode in {place}.',
    '[Explosives|Weapons|Ammunition|Detonators] hidden in a [house|truck|farm] were seized by {state} in {place}.',
    '{state} said they had [shot down|intercepted|destroyed] [a drone|a missile|rockets] aimed at {place}.',
    'A [cache|stockpile|depot] of [weapons|explosives|ammunition] was found [in a cave|under a house|in a forest] near {place}.',
  ],
  'Headquarters or base established': [
    'According to residents, {nsa} have set up a [base|camp|command post] in [a school|a forest|the hills] near {place}.',
    '{state} said they had established a [permanent base|new camp|forward base] in {place}.',
    'The group moved its headquarters to {place}, according to a statement.',
  ],
  'Looting/property destruction': [
    'According to residents, {nsa} [looted|burned|ransacked] [shops|houses|the market|the clinic] in {place}.',
    '[Houses|Shops|Vehicles|Crops] were [burned|looted|destroyed] when {nsa} raided {place}.',
    '{nsa} [blew up|destroyed|set fire to] [a bridge|a telecoms mast|a school|the town hall] in {place}.',
  ],
  'Non-violent transfer of territory': [
    'According to officials, {state} handed over [the base|the town|their positions] in {place} to [local forces|the police|allied troops].',
    '{nsa} left {place} under an agreement and {state} took over without fighting.',
    'The handover of {place} to [the regional government|the army|local authorities] was completed peacefully.',
  ],
  Other: [
    'According to officials, [dozens of|{n}] inmates escaped after [a riot|an attack] at the prison in {place}.',
    'A mass grave with the remains of {n} people was found near {place}.',
    '[Bodies|The remains] of {n} people were recovered from [a well|a river|a mass grave] near {place}.',
  ],
};
