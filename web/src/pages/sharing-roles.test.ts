import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { User } from '../api.js';
import { mayAct, toDeniedSentence } from './sharing-roles.js';

const as = (...roles: User['roles']): User => ({
  id: 'u',
  username: 'u',
  displayName: 'U',
  roles,
});

describe('sharing roles in the console', () => {
  it('mirrors the server: admins do everything, admin-only steps also open to analyst+approver', () => {
    assert.equal(mayAct(as('analyst'), 'analyst'), true);
    assert.equal(mayAct(as('analyst'), 'approver'), false);
    assert.equal(mayAct(as('approver'), 'analyst'), false);
    assert.equal(mayAct(as('approver'), 'admin'), false);
    assert.equal(mayAct(as('analyst', 'approver'), 'admin'), true);
    assert.equal(mayAct(as('admin'), 'approver'), true);
  });

  it('names what the role may not do, and says nothing when it may do all', () => {
    const steps: Array<[string, 'analyst' | 'approver' | 'admin']> = [
      ['suspend an agreement', 'analyst'],
      ['resume an agreement', 'approver'],
    ];
    assert.equal(
      toDeniedSentence(as('approver'), steps),
      'Signed in as approver, you may not suspend an agreement (needs analyst).',
    );
    assert.equal(toDeniedSentence(as('admin'), steps), '');
  });
});
