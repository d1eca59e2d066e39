import { describe, expect, it } from 'vitest';

import { allowedActions } from './stack-model';

describe('stack actions by state', () => {
  it('offer suspend, check, update and delete on a complete stack', () => {
    expect(allowedActions({ action: 'CREATE', status: 'COMPLETE' })).toEqual(['suspend', 'check', 'update', 'delete']);
    expect(allowedActions({ action: 'UPDATE', status: 'FAILED' })).toEqual(['suspend', 'check', 'update', 'delete']);
  });

  it('offer resume instead of suspend on a suspended stack', () => {
    expect(allowedActions({ action: 'SUSPEND', status: 'COMPLETE' })).toEqual(['resume', 'check', 'update', 'delete']);
  });

  it('offer only delete while in progress and nothing while a delete runs', () => {
    expect(allowedActions({ action: 'CREATE', status: 'IN_PROGRESS' })).toEqual(['delete']);
    expect(allowedActions({ action: 'DELETE', status: 'IN_PROGRESS' })).toEqual([]);
    expect(allowedActions({ action: 'DELETE', status: 'FAILED' })).toEqual(['suspend', 'check', 'update', 'delete']);
  });
});
