import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toMultiPolygon, type Topology } from './topology.js';

describe('toMultiPolygon', () => {
  it('decodes quantized, delta-encoded arcs and reversed arc indexes into rings', () => {
    const topology: Topology = {
      type: 'Topology',
      transform: { scale: [1, 1], translate: [10, 20] },
      // One arc from (0,0) to (2,0) to (2,2); the other back from (2,2) via (0,2) to (0,0).
      arcs: [
        [
          [0, 0],
          [2, 0],
          [0, 2],
        ],
        [
          [2, 2],
          [-2, 0],
          [0, -2],
        ],
      ],
      objects: {
        land: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0, 1]] }] },
      },
    };
    assert.deepEqual(toMultiPolygon(topology, 'land'), {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [10, 20],
            [12, 20],
            [12, 22],
            [10, 22],
            [10, 20],
          ],
        ],
      ],
    });
    // ~0 is arc 0 reversed.
    const reversed = toMultiPolygon(
      { ...topology, objects: { land: { type: 'Polygon', arcs: [[~0]] } } },
      'land',
    );
    assert.deepEqual(reversed.coordinates[0]?.[0]?.[0], [12, 22]);
    assert.deepEqual(toMultiPolygon(topology, 'missing').coordinates, []);
  });
});
