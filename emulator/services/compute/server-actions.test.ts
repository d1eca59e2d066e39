// Server actions through POST /servers/{id}/action: each moves through its task state and
// settles on the clock, refuses the wrong state with Nova's 409, and is logged.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_IDS } from '../../seeds/ids';
import { openStore } from '../../store/open-store';
import { startServerCloud, type ServerTestCloud } from './server-testing';

let cloud: ServerTestCloud;
beforeAll(async () => {
  cloud = await startServerCloud();
});
afterAll(async () => cloud.dispose());
beforeEach(async () => cloud.reset());

async function active(token = cloud.demo): Promise<string> {
  const id = await cloud.boot(token);
  await cloud.advance(5);
  return id;
}
const show = async (id: string, token = cloud.demo) => (await cloud.nova(token, 'GET', `/servers/${id}`)).json().server;
const act = (id: string, body: unknown, token = cloud.demo, version?: string) =>
  cloud.nova(token, 'POST', `/servers/${id}/action`, body, version);

describe('server actions', () => {
  it.each([
    ['os-stop', null, 'SHUTOFF', 4],
    ['pause', null, 'PAUSED', 3],
    ['suspend', null, 'SUSPENDED', 4],
    ['reboot', { type: 'SOFT' }, 'ACTIVE', 1],
  ])('%s from ACTIVE settles in the right status', async (action, args, status, power) => {
    const id = await active();
    const response = await act(id, { [action]: args });
    expect(response.statusCode).toBe(202);
    expect((await show(id))['OS-EXT-STS:task_state']).not.toBeNull();
    await cloud.advance(3);
    expect(await show(id)).toMatchObject({ status, 'OS-EXT-STS:task_state': null, 'OS-EXT-STS:power_state': power });
  });

  it('shows REBOOT and HARD_REBOOT while rebooting', async () => {
    const id = await active();
    await act(id, { reboot: { type: 'SOFT' } });
    expect((await show(id)).status).toBe('REBOOT');
    await cloud.advance(3);
    await act(id, { reboot: { type: 'HARD' } });
    expect((await show(id)).status).toBe('HARD_REBOOT');
  });

  it.each([
    ['os-start', "Cannot 'start' instance ID while it is in vm_state active"],
    ['unpause', "Cannot 'unpause' instance ID while it is in vm_state active"],
    ['resume', "Cannot 'resume' instance ID while it is in vm_state active"],
    ['confirmResize', "Cannot 'confirmResize' instance ID while it is in vm_state active"],
  ])('refuses %s on an ACTIVE server with 409', async (action, message) => {
    const id = await active();
    const response = await act(id, { [action]: null });
    expect(response.statusCode).toBe(409);
    expect(response.json().conflictingRequest.message).toBe(message.replace('ID', id));
  });

  it('refuses an action while another one runs, naming the task state', async () => {
    const id = await active();
    await act(id, { 'os-stop': null });
    const response = await act(id, { pause: null });
    expect(response.json().conflictingRequest.message).toBe(`Cannot 'pause' instance ${id} while it is in task_state powering-off`);
  });

  it('refuses actions on a BUILD server', async () => {
    const id = await cloud.boot(cloud.demo);
    const response = await act(id, { 'os-stop': null });
    expect(response.statusCode).toBe(409);
    expect(response.json().conflictingRequest.message).toContain('vm_state building');
  });

  it('lock: other actions get 409 for the owner, an admin may still act; locked_reason from 2.73', async () => {
    const id = await active();
    expect((await act(id, { lock: { locked_reason: 'maintenance' } })).statusCode).toBe(202);
    expect(await show(id)).toMatchObject({ locked: true, locked_reason: 'maintenance' });
    const refused = await act(id, { 'os-stop': null });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().conflictingRequest.message).toBe(`Instance ${id} is locked`);
    expect((await cloud.nova(cloud.demo, 'DELETE', `/servers/${id}`)).statusCode).toBe(409);
    expect((await act(id, { 'os-stop': null }, cloud.admin)).statusCode).toBe(202);
    await act(id, { unlock: null });
    expect((await show(id)).locked).toBe(false);
    expect((await act(id, { lock: { locked_reason: 'x' } }, cloud.demo, '2.72')).statusCode).toBe(400);
  });

  it('resize: VERIFY_RESIZE with the new flavor, revert goes back, confirm keeps it', async () => {
    const id = await active();
    expect((await act(id, { resize: { flavorRef: '1' } })).json().badRequest.message).toBe('When resizing, instances must change flavor!');
    await act(id, { resize: { flavorRef: '2' } });
    expect((await show(id)).status).toBe('RESIZE');
    await cloud.advance(5);
    expect(await show(id)).toMatchObject({ status: 'VERIFY_RESIZE', flavor: { original_name: 'm1.small' } });
    await act(id, { revertResize: null });
    expect((await show(id)).status).toBe('REVERT_RESIZE');
    await cloud.advance(3);
    expect(await show(id)).toMatchObject({ status: 'ACTIVE', flavor: { original_name: 'm1.tiny' } });
    await act(id, { resize: { flavorRef: '2' } });
    await cloud.advance(5);
    await act(id, { confirmResize: null });
    expect(await show(id)).toMatchObject({ status: 'ACTIVE', flavor: { original_name: 'm1.small' } });
  });

  it('createImage: a snapshot image in Glance, the server in image_snapshot meanwhile', async () => {
    const id = await active();
    const response = await act(id, { createImage: { name: 'snap-1', metadata: { purpose: 'backup' } } });
    expect(response.statusCode).toBe(202);
    const imageId = response.json().image_id as string;
    expect((await show(id))['OS-EXT-STS:task_state']).toBe('image_snapshot');
    const store = await openStore(cloud.dbPath);
    try {
      expect(await store.images.get(imageId)).toMatchObject({ name: 'snap-1', visibility: 'private', owner: PROJECT_IDS.demo, status: 'importing' });
      await cloud.advance(3);
      expect((await show(id))['OS-EXT-STS:task_state']).toBeNull();
      await store.images.settleImports((await cloud.app.inject({ method: 'GET', url: '/_emulator/clock' })).json().now);
      expect((await store.images.get(imageId))?.status).toBe('active');
    } finally {
      await store.close();
    }
    const old = await act(id, { createImage: { name: 'snap-2' } }, cloud.demo, '2.44');
    expect(old.headers.location).toMatch(/\/image\/v2\/images\//);
  });

  it('os-getConsoleOutput: deterministic boot log, last N lines', async () => {
    const id = await active();
    const all = (await act(id, { 'os-getConsoleOutput': {} })).json().output as string;
    expect(all).toContain(`iid=${id}`);
    expect(all).toContain('udhcpc: lease of 10.0.0.3 obtained');
    const tail = (await act(id, { 'os-getConsoleOutput': { length: 2 } })).json().output as string;
    expect(tail.trimEnd().split('\n')).toHaveLength(2);
    expect(tail).toBe(all.split('\n').slice(-3).join('\n'));
  });

  it('delete: deleting for a moment, then gone', async () => {
    const id = await active();
    expect((await cloud.nova(cloud.demo, 'DELETE', `/servers/${id}`)).statusCode).toBe(204);
    expect(await show(id)).toMatchObject({ status: 'ACTIVE', 'OS-EXT-STS:task_state': 'deleting' });
    await cloud.advance(2);
    expect((await cloud.nova(cloud.demo, 'GET', `/servers/${id}`)).statusCode).toBe(404);
  });

  it('rename with PUT, description from 2.19', async () => {
    const id = await active();
    const response = await cloud.nova(cloud.demo, 'PUT', `/servers/${id}`, { server: { name: 'renamed', description: 'd' } });
    expect(response.json().server).toMatchObject({ name: 'renamed', description: 'd' });
    expect((await cloud.nova(cloud.demo, 'PUT', `/servers/${id}`, { server: { description: 'd' } }, '2.18')).statusCode).toBe(400);
  });
});

describe('instance actions', () => {
  it('lists create and stop, newest first; an event finishes when the clock says so', async () => {
    const id = await active();
    const stop = await act(id, { 'os-stop': null });
    const requestId = stop.headers['x-openstack-request-id'] as string;
    const list = (await cloud.nova(cloud.demo, 'GET', `/servers/${id}/os-instance-actions`)).json().instanceActions;
    expect(list.map((a: { action: string }) => a.action)).toEqual(['stop', 'create']);
    const running = (await cloud.nova(cloud.demo, 'GET', `/servers/${id}/os-instance-actions/${requestId}`)).json().instanceAction;
    expect(running.events[0]).toMatchObject({ event: 'compute_stop_instance', finish_time: null, result: null });
    await cloud.advance(2);
    const done = (await cloud.nova(cloud.demo, 'GET', `/servers/${id}/os-instance-actions/${requestId}`)).json().instanceAction;
    expect(done.events[0]).toMatchObject({ result: 'Success', finish_time: expect.stringMatching(/^\d{4}-.*\.\d{6}$/) });
    expect((await cloud.nova(cloud.demo, 'GET', `/servers/${id}/os-instance-actions/req-nope`)).statusCode).toBe(404);
  });
});
