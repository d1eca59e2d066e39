import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServerCloud, type ServerTestCloud } from './server-testing';

let cloud: ServerTestCloud;
beforeAll(async () => {
  cloud = await startServerCloud();
});
afterAll(async () => cloud.dispose());
beforeEach(async () => cloud.reset());

const path = (id: string, key = '') => `/servers/${id}/metadata${key ? `/${key}` : ''}`;

describe('server metadata', () => {
  it('merges with POST, replaces with PUT, reads and deletes one item', async () => {
    const id = await cloud.boot(cloud.demo, { metadata: { a: '1' } });
    await cloud.advance(5);
    expect((await cloud.nova(cloud.demo, 'POST', path(id), { metadata: { b: '2' } })).json()).toEqual({ metadata: { a: '1', b: '2' } });
    expect((await cloud.nova(cloud.demo, 'GET', path(id, 'b'))).json()).toEqual({ meta: { b: '2' } });
    expect((await cloud.nova(cloud.demo, 'PUT', path(id, 'c'), { meta: { c: '3' } })).json()).toEqual({ meta: { c: '3' } });
    expect((await cloud.nova(cloud.demo, 'PUT', path(id, 'c'), { meta: { d: '3' } })).json().badRequest.message).toBe('Request body and URI mismatch');
    expect((await cloud.nova(cloud.demo, 'DELETE', path(id, 'a'))).statusCode).toBe(204);
    expect((await cloud.nova(cloud.demo, 'GET', path(id))).json()).toEqual({ metadata: { b: '2', c: '3' } });
    expect((await cloud.nova(cloud.demo, 'PUT', path(id), { metadata: { only: 'x' } })).json()).toEqual({ metadata: { only: 'x' } });
    expect((await cloud.nova(cloud.demo, 'GET', path(id, 'a'))).statusCode).toBe(404);
  });

  it('refuses changes while building and past the metadata quota', async () => {
    const id = await cloud.boot(cloud.demo);
    const building = await cloud.nova(cloud.demo, 'POST', path(id), { metadata: { a: '1' } });
    expect(building.json().conflictingRequest.message).toBe(`Cannot 'update metadata' instance ${id} while it is in vm_state building`);
    await cloud.advance(5);
    const many = Object.fromEntries(Array.from({ length: 129 }, (_, i) => [`k${i}`, 'v']));
    expect((await cloud.nova(cloud.demo, 'PUT', path(id), { metadata: many })).statusCode).toBe(403);
  });
});
