import { describe, expect, it } from 'vitest';

import { codeForStatus, messageFromBody } from './errors';

describe('messageFromBody', () => {
  it('finds the message in every service envelope', () => {
    expect(messageFromBody({ error: { code: 401, title: 'Unauthorized', message: 'Auth needed' } })).toBe('Auth needed');
    expect(messageFromBody({ itemNotFound: { code: 404, message: 'Instance x could not be found.' } })).toBe(
      'Instance x could not be found.',
    );
    expect(messageFromBody({ NeutronError: { type: 'NetworkNotFound', message: 'Network y', detail: '' } })).toBe('Network y');
    expect(messageFromBody({ code: 400, title: 'Bad Request', explanation: 'The server could not comply', error: { message: 'Stack z' } })).toBe(
      'Stack z',
    );
    expect(messageFromBody({ code: 400, title: 'Bad Request', explanation: 'The server could not comply', error: {} })).toBe('The server could not comply');
    expect(messageFromBody({ error_message: { faultstring: 'Alarm not found' } })).toBe('Alarm not found');
    expect(messageFromBody({ code: 404, description: 'Unknown metric' })).toBe('Unknown metric');
  });

  it('returns null when there is nothing to say', () => {
    expect(messageFromBody(null)).toBeNull();
    expect(messageFromBody({})).toBeNull();
    expect(messageFromBody('   ')).toBeNull();
  });

  it('maps statuses to stable codes', () => {
    expect([400, 401, 403, 404, 409, 501, 503].map(codeForStatus)).toEqual([
      'bad_request',
      'unauthorized',
      'forbidden',
      'not_found',
      'conflict',
      'not_implemented',
      'server_error',
    ]);
  });
});
