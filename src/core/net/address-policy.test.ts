import { it } from 'node:test';
import assert from 'node:assert/strict';
import { blockedReason, checkAddress, EMPTY_ALLOW_LIST, parseAllowList } from './address-policy.js';
import { formatIpAddress, parseIpAddress } from './ip-address.js';

// [address as DNS or the URL parser hands it over, the policy's reason or undefined for public]
const TABLE: Array<[string, string | undefined]> = [
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['0.0.0.0', 'unspecified'],
  ['10.1.2.3', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.1.1', 'private'],
  ['169.254.169.254', 'link-local'],
  ['100.64.0.1', 'carrier-grade NAT'],
  ['100.127.255.255', 'carrier-grade NAT'],
  ['224.0.0.251', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['255.255.255.255', 'reserved'],
  ['198.18.0.1', 'reserved'],
  ['192.0.2.10', 'documentation'],
  ['::', 'unspecified'],
  ['::1', 'loopback'],
  ['fd00::1', 'unique-local'],
  ['fc12:3456::1', 'unique-local'],
  ['fe80::1', 'link-local'],
  ['febf::1', 'link-local'],
  ['fec0::1', 'site-local'],
  ['ff02::1', 'multicast'],
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['0:0:0:0:0:ffff:a9fe:a9fe', 'link-local'],
  ['::ffff:10.0.0.1', 'private'],
  ['::127.0.0.1', 'loopback'],
  ['::ffff:0:127.0.0.1', 'loopback'],
  ['64:ff9b::7f00:1', 'loopback'],
  ['64:ff9b::192.168.0.1', 'private'],
  ['64:ff9b:1::a00:1', 'private'],
  ['2002:7f00:1::', 'loopback'],
  ['2002:a9fe:a9fe::1', 'link-local'],
  ['2001:0::1', 'reserved'],
  ['2001:db8::1', 'documentation'],
  // Public neighbours of the blocked ranges stay fetchable.
  ['8.8.8.8', undefined],
  ['100.63.255.255', undefined],
  ['100.128.0.0', undefined],
  ['172.15.255.255', undefined],
  ['172.32.0.0', undefined],
  ['169.253.255.255', undefined],
  ['11.0.0.1', undefined],
  ['2606:4700::6810:85e5', undefined],
  ['::ffff:8.8.8.8', undefined],
  ['64:ff9b::808:808', undefined],
  ['2002:808:808::1', undefined],
];

it('classifies every special-purpose address, in each IPv6 form that embeds IPv4', () => {
  for (const [text, reason] of TABLE) {
    const bytes = parseIpAddress(text);
    assert.ok(bytes, `${text} parses`);
    assert.equal(blockedReason(bytes), reason, text);
  }
});

it('parses only strict literals: other spellings are left to the URL parser and refused here', () => {
  for (const text of ['0x7f.1', '2130706433', '017700000001', '127.1', '0177.0.0.1', '1.2.3.256'])
    assert.equal(parseIpAddress(text), undefined, text);
  for (const text of ['1::2::3', 'fe80::1%eth0', '::ffff:127.1', '1:2:3:4:5:6:7:8:9', 'g::1'])
    assert.equal(parseIpAddress(text), undefined, text);
  assert.equal(formatIpAddress(parseIpAddress('[::ffff:127.0.0.1]')!), '0:0:0:0:0:ffff:7f00:1');
});

it('lets through only what the allow list names, by network or by host name', () => {
  const { allow, invalid } = parseAllowList('10.20.0.0/16, feeds.internal. .corp.example fd00::/8');
  assert.deepEqual(invalid, []);
  assert.equal(checkAddress(allow, 'x.example', '10.20.3.4'), undefined);
  assert.equal(checkAddress(allow, 'x.example', '10.21.0.1'), 'private');
  assert.equal(checkAddress(allow, 'FEEDS.internal.', '127.0.0.1'), undefined);
  assert.equal(checkAddress(allow, 'a.corp.example', '192.168.0.1'), undefined);
  assert.equal(checkAddress(allow, 'corp.example.evil', '192.168.0.1'), 'private');
  assert.equal(checkAddress(allow, 'x.example', 'fd00::5'), undefined);
  // An allowed IPv4 network does not open its IPv4-mapped IPv6 twin.
  assert.equal(
    checkAddress(parseAllowList('127.0.0.1').allow, 'h', '::ffff:127.0.0.1'),
    'loopback',
  );
  assert.equal(checkAddress(EMPTY_ALLOW_LIST, 'h', 'not-an-ip'), 'not an IP address');
  assert.deepEqual(parseAllowList('10.0.0.0/33, http://x/, 1.2.3').invalid, [
    '10.0.0.0/33',
    'http://x/',
    '1.2.3',
  ]);
});
