import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import countries110m from 'world-atlas/countries-110m.json' with { type: 'json' };
import { toGeoFeatures, type Topology } from './topojson.js';
import { renderIncidentMap } from './brief-map.js';
import { renderTempoChart } from './brief-chart.js';

describe('offline map and chart', () => {
  it('decodes every country of world-atlas into closed rings', () => {
    const features = toGeoFeatures(countries110m as unknown as Topology, 'countries');
    assert.equal(features.length, 177);
    const russia = features.find((f) => f.properties.name === 'Russia')!;
    const ring =
      russia.geometry.type === 'MultiPolygon'
        ? russia.geometry.coordinates[0]![0]!
        : russia.geometry.coordinates[0]!;
    assert.deepEqual(ring[0], ring.at(-1));
  });
  it('places labels of close places without overlap, inside the frame', () => {
    const near = [
      ['Crocus City Hall, Krasnogorsk', 55.82, 37.39],
      ['Moscow', 55.75, 37.62],
      ['Kabul', 34.53, 69.17],
      ['Bagram', 34.95, 69.26],
      ['Charikar', 35.01, 69.17],
      ['Jalalabad', 34.43, 70.45],
      ['Kandahar', 31.61, 65.71],
      ['Bamiyan', 34.82, 67.83],
      ['Herat', 34.35, 62.2],
    ] as const;
    const svg = renderIncidentMap(
      near.map(([label, latitude, longitude], i) => ({
        label,
        latitude,
        longitude,
        incidents: 10 - i,
        external: false,
      })),
      { width: 440, height: 250 },
    );
    const boxes = [
      ...svg.matchAll(
        /<text x="([\d.]+)" y="([\d.]+)" text-anchor="(start|end|middle)" class="label">([^<]*)</g,
      ),
    ].map(([, x, y, anchor, text]) => {
      const w = text!.length * 5;
      const left =
        anchor === 'start' ? Number(x) : anchor === 'end' ? Number(x) - w : Number(x) - w / 2;
      return { x: left, y: Number(y) - 9, w, h: 10, text: text! };
    });
    const circles = [
      ...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"[^>]*><title>([^<]*)</g),
    ].map(([, cx, cy, r, title]) => ({
      x: Number(cx) - Number(r),
      y: Number(cy) - Number(r),
      w: 2 * Number(r),
      h: 2 * Number(r),
      title: title!,
    }));
    assert.ok(boxes.length >= 4, `only ${boxes.length} labels`);
    // Every place is named: by its label, or by a number on the map and in the legend.
    const legend = [...svg.matchAll(/<li value="(\d+)">([^<]*)</g)].map(([, n, text]) => ({
      n: n!,
      name: text!.replace(/ \(too close to others to mark\)$/, ''),
      marked: !text!.endsWith('(too close to others to mark)'),
    }));
    const named = boxes.filter((b) => !/^\d+$/.test(b.text)).map((b) => b.text);
    assert.deepEqual(
      [...named, ...legend.map((l) => l.name)].sort(),
      near.map(([label]) => label).sort(),
    );
    for (const l of legend.filter((x) => x.marked))
      assert.ok(
        boxes.some((b) => b.text === l.n),
        `number ${l.n} on the map`,
      );
    for (const [i, a] of boxes.entries()) {
      assert.ok(a.x >= 0 && a.x + a.w <= 440, 'inside the frame');
      for (const b of boxes.slice(i + 1)) {
        const hit = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        assert.ok(!hit, `labels overlap: ${JSON.stringify([a, b])}`);
      }
      // A label never covers another place's circle (it would hide that place).
      for (const c of circles.filter((c) => c.title !== a.text)) {
        const hit = a.x < c.x + c.w && c.x < a.x + a.w && a.y < c.y + c.h && c.y < a.y + a.h;
        assert.ok(!hit, `label "${a.text}" covers the circle of ${c.title}`);
      }
    }
  });
  it('marks places where they are, frames them, and escapes labels', () => {
    const svg = renderIncidentMap(
      [
        {
          latitude: 55.82,
          longitude: 37.39,
          incidents: 1,
          label: 'Krasnogorsk <b>',
          external: true,
        },
        { latitude: 34.53, longitude: 69.17, incidents: 4, label: 'Kabul', external: false },
      ],
      { width: 440, height: 250 },
    );
    assert.equal((svg.match(/<circle /g) ?? []).length, 2);
    assert.match(svg, /class="point external"/);
    assert.match(svg, /Krasnogorsk &#60;b&#62;/);
    assert.doesNotMatch(svg, /NaN/);
    for (const [, x, y] of svg.matchAll(/<circle cx="([\d.-]+)" cy="([\d.-]+)"/g)) {
      assert.ok(
        Number(x) > 0 && Number(x) < 440 && Number(y) > 0 && Number(y) < 250,
        `${x},${y} inside`,
      );
    }
  });
  it('draws a world map without points when nothing is placed', () => {
    const svg = renderIncidentMap([], { width: 440, height: 250 });
    assert.equal((svg.match(/<circle /g) ?? []).length, 0);
    assert.ok((svg.match(/class="country"/g) ?? []).length > 150);
  });
  it('draws one bar per month with incidents and labels the months', () => {
    const months = ['2024-01', '2024-02', '2024-03'].map((month, i) => ({
      month,
      incidents: i,
      lethalIncidents: 0,
      fatalities: 0,
      injuries: 0,
    }));
    const svg = renderTempoChart(months, 3, { width: 300, height: 100 });
    assert.equal((svg.match(/class="bar"/g) ?? []).length, 2);
    assert.match(svg, />Jan 24</);
  });
});
