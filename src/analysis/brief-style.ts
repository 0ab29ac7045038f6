/** The brief's print stylesheet (A4, two pages at most), inlined into the HTML. */
export const BRIEF_CSS = `
@page { size: A4; margin: 14mm 14mm 14mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt; line-height: 1.35; color: #1b1f24; margin: 0 auto; max-width: 760px; }
header { border-bottom: 2px solid #1b1f24; padding-bottom: 4px; margin-bottom: 6px; }
.kind { text-transform: uppercase; letter-spacing: .12em; font-size: 7.5pt; color: #6b7280; }
h1 { font-size: 18pt; margin: 2px 0 0; }
h2 { font-size: 10.5pt; text-transform: uppercase; letter-spacing: .06em; margin: 10px 0 4px; padding-bottom: 2px; border-bottom: 1px solid #d0d5dc; color: #263040; }
p { margin: 3px 0; }
.aka, .generated, .meta, .note, .legend, footer { color: #4b5563; font-size: 8pt; }
.judgment { background: #f3f5f8; border-left: 4px solid #263040; padding: 5px 9px; }
.judgment p { font-size: 10.5pt; margin: 2px 0; }
.rationale { font-style: italic; }
.none { color: #6b7280; font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: 4px 0; font-size: 8.5pt; }
th, td { text-align: left; padding: 2px 5px; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
thead th { font-size: 7.5pt; text-transform: uppercase; color: #4b5563; }
td.num, th.num { text-align: right; }
td.raised { color: #b42318; font-weight: bold; }
td.lowered { color: #05603a; font-weight: bold; }
.dir { font-weight: normal; color: #4b5563; }
tr.external td { color: #b42318; }
table.changes { width: auto; }
table.changes th, table.changes td { padding-right: 18px; }
.figures { display: flex; gap: 8px; margin: 4px 0; }
.figure { flex: 1; border: 1px solid #d0d5dc; border-radius: 3px; padding: 3px 6px; }
.figure b { display: block; font-size: 13pt; }
.figure span { font-size: 7.5pt; color: #4b5563; }
svg { display: block; max-width: 100%; height: auto; margin: 4px 0; }
.sea { fill: #eef3f8; }
.graticule { fill: none; stroke: #dbe4ee; stroke-width: .5; }
.country { fill: #e3e6ea; stroke: #ffffff; stroke-width: .6; }
.country.struck { fill: #cfd6df; }
.point { fill: #263040; fill-opacity: .75; stroke: #fff; stroke-width: .8; }
.point.external { fill: #b42318; }
.label { font-size: 8px; fill: #1b1f24; paint-order: stroke; stroke: #fff; stroke-width: 2.5px; }
.map-legend { margin: 3px 0 0; padding-left: 1.4em; font-size: 8px; columns: 2; color: #1b1f24; }
.frame { fill: none; stroke: #d0d5dc; }
.bar { fill: #9aa7b8; }
.bar.lethal { fill: #263040; }
.recent { fill: #fdf0e6; }
.grid { stroke: #e5e7eb; stroke-width: .6; }
.axis { stroke: #6b7280; stroke-width: .8; }
.tick { font-size: 8px; fill: #4b5563; }
.swatch { display: inline-block; width: 9px; height: 9px; margin: 0 3px 0 8px; vertical-align: -1px; }
.swatch.bar { background: #9aa7b8; } .swatch.lethal { background: #263040; } .swatch.recent { background: #fdf0e6; border: 1px solid #f2c9a8; }
ul { margin: 3px 0; padding-left: 16px; }
li { margin: 2px 0; }
.req { color: #4b5563; font-size: 8pt; }
section { break-inside: auto; }
td.date { white-space: nowrap; }
.reach-row { display: flex; gap: 10px; align-items: flex-start; break-inside: avoid; }
.reach-row .map { flex: 0 0 56%; }
.reach-row table { font-size: 8pt; }
.reach-row th, .reach-row td { padding: 2px 3px; }
.reach-row .countries { flex: 1; }
table, svg, .judgment { break-inside: avoid; }
h2 { break-after: avoid; }
footer { margin-top: 10px; border-top: 1px solid #d0d5dc; padding-top: 4px; }
`;
