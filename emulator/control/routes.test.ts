// The control API tests and demos use to set the world up: health, reset, the clock.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, control, login, startTestCloud, type TestCloud } from '../testing/test-cloud';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud();
});
afterAll(async () => cloud.dispose());

describe('control API', () => {
  it('reports health, the seed and the clock', async () => {
    const response = await cloud.app.inject({ method: 'GET', url: '/_emulator/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      seed: 'demo',
      clock: { mode: 'real', speed: 1, now: expect.stringMatching(/Z$/) },
    });
  });

  it('resets to the empty seed: only the admin remains', async () => {
    const reset = await control(cloud.app, 'reset', { seed: 'empty' });
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ status: 'ok', seed: 'empty', regions: ['RegionOne'] });
    const admin = await login(cloud.app, { user: 'admin', project: 'admin' });
    const projects = (await call(cloud.app, admin, 'GET', '/identity/v3/projects')).json().projects;
    expect(projects.map((p: { name: string }) => p.name)).toEqual(['admin']);
    const roles = (await call(cloud.app, admin, 'GET', '/identity/v3/roles')).json().roles;
    expect(roles.map((r: { name: string }) => r.name)).toEqual(['admin', 'member', 'reader']);
    await expect(login(cloud.app, { user: 'demo' })).rejects.toThrow(/401/);
    expect((await cloud.app.inject({ method: 'GET', url: '/_emulator/health' })).json().seed).toBe('empty');
  });

  it('resets with several regions', async () => {
    await control(cloud.app, 'reset', { seed: 'demo', regions: ['RegionOne', 'RegionTwo'] });
    const demo = await login(cloud.app, { user: 'demo', project: 'demo' });
    const regions = (await call(cloud.app, demo, 'GET', '/identity/v3/regions')).json().regions;
    expect(regions.map((r: { id: string }) => r.id)).toEqual(['RegionOne', 'RegionTwo']);
  });

  it('drives the clock: manual mode, advance, back to real time at a speed', async () => {
    const manual = await control(cloud.app, 'clock', { mode: 'manual' });
    expect(manual.json()).toMatchObject({ mode: 'manual', speed: 1 });
    const advanced = await control(cloud.app, 'clock/advance', { seconds: 3600 });
    expect(Date.parse(advanced.json().now) - Date.parse(manual.json().now)).toBe(3_600_000);
    const read = await cloud.app.inject({ method: 'GET', url: '/_emulator/clock' });
    expect(read.json().now).toBe(advanced.json().now);
    const fast = await control(cloud.app, 'clock', { mode: 'real', speed: 60 });
    expect(fast.json()).toMatchObject({ mode: 'real', speed: 60 });
    // A reset returns the clock to real time at speed 1.
    const reset = await control(cloud.app, 'reset', { seed: 'demo' });
    expect(reset.json().clock).toMatchObject({ mode: 'real', speed: 1 });
  });

  it.each([
    ['reset', {}, /seed/],
    ['reset', { seed: 'galaxy' }, /seed/],
    ['reset', { seed: 'demo', regions: [] }, /regions/],
    ['reset', { seed: 'demo', regions: ['RegionOne', 'RegionOne'] }, /unique/],
    ['reset', { seed: 'demo', regions: ['bad region'] }, /region/],
    ['clock', { mode: 'warp' }, /mode/],
    ['clock', { mode: 'real', speed: 0 }, /speed/],
    ['clock/advance', { seconds: -5 }, /seconds/],
    ['clock/advance', { seconds: 'ten' }, /seconds/],
  ])('answers POST %s %j with 400 and a message', async (path, body, message) => {
    const response = await control(cloud.app, path, body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(message);
  });
});
