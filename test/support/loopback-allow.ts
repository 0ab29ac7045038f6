import { parseAllowList } from '../../src/core/net/address-policy.js';

/**
 * The allow list for tests whose servers listen on loopback: the outbound fetch policy refuses
 * 127.0.0.1 unless a deployment names it (TEARLINE_FETCH_ALLOW), so these tests name it.
 */
export const LOOPBACK_ALLOW = parseAllowList('127.0.0.1').allow;
