import { it } from 'node:test';
import assert from 'node:assert/strict';
import type { RouteOptions } from 'fastify';
import { keepAnswerForScan, keepAnswersOfRoutes } from './restricted-scan.js';

const route = (
  url: string,
  preSerialization?: RouteOptions['preSerialization'],
  config?: RouteOptions['config'],
) => ({ method: 'GET', url, handler: () => undefined, preSerialization, config }) as RouteOptions;

it('keeps answers for the scan on every route but TAXII, after the route’s own hooks', () => {
  const own: RouteOptions['preSerialization'] = (_q, _r, payload, done) => done(null, payload);
  const search = route('/api/search');
  keepAnswersOfRoutes(search);
  assert.deepEqual(search.preSerialization, [keepAnswerForScan]);
  const withOwn = route('/api/objects/:id', own);
  keepAnswersOfRoutes(withOwn);
  assert.deepEqual(withOwn.preSerialization, [own, keepAnswerForScan]);
  for (const url of [
    '/taxii2',
    '/taxii2/',
    '/taxii2/:apiRoot/collections/:collectionId/objects/',
  ]) {
    const taxii = route(url);
    keepAnswersOfRoutes(taxii);
    assert.equal(taxii.preSerialization, undefined, url);
  }
  // Only the TAXII prefix itself: a path that merely begins with the same letters is kept.
  const lookalike = route('/taxii2x');
  keepAnswersOfRoutes(lookalike);
  assert.deepEqual(lookalike.preSerialization, [keepAnswerForScan]);
  // A route that names its answer's objects itself keeps only its own hooks.
  const naming = route('/api/objects', own, { access: [], auditNotesObjects: true });
  keepAnswersOfRoutes(naming);
  assert.equal(naming.preSerialization, own);
});
