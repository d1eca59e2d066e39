import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { OpenStackError } from './errors';
import { openstackRequest } from './http';

const seen: IncomingMessage[] = [];
const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/ok': (_, res) => res.writeHead(200, { 'Content-Type': 'application/json', 'x-openstack-request-id': 'req-ok' }).end('{"a":1}'),
  '/fault': (_, res) =>
    res
      .writeHead(404, { 'Content-Type': 'application/json', 'x-compute-request-id': 'req-nova' })
      .end('{"itemNotFound":{"code":404,"message":"Instance abc could not be found."}}'),
  '/neutron-fault': (_, res) =>
    res
      .writeHead(409, { 'Content-Type': 'application/json' })
      .end('{"NeutronError":{"type":"OverQuota","message":"Quota exceeded for resources: [\'port\'].","detail":""}}'),
  '/html': (_, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>proxy login</html>'),
  '/versions': (_, res) => res.writeHead(300, { 'Content-Type': 'application/json' }).end('{"versions":[]}'),
  '/slow': () => undefined,
  '/empty': (_, res) => res.writeHead(204).end(),
};

let base = '';
const server = createServer((req, res) => {
  seen.push(req);
  routes[req.url ?? '']?.(req, res);
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

async function failure(promise: Promise<unknown>): Promise<OpenStackError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(OpenStackError);
  return error as OpenStackError;
}

describe('openstackRequest', () => {
  it('sends the token, a global request ID and the microversion, and reads the answer', async () => {
    const response = await openstackRequest<{ a: number }>({ service: 'compute', url: `${base}/ok`, token: 'tok', microversion: 'compute 2.79' });
    expect(response.body).toEqual({ a: 1 });
    expect(response.requestId).toBe('req-ok');
    const sent = seen.at(-1)!.headers;
    expect(sent['x-auth-token']).toBe('tok');
    expect(sent['openstack-api-version']).toBe('compute 2.79');
    expect(sent['x-openstack-request-id']).toMatch(/^req-[0-9a-f-]{36}$/);
  });

  it('turns a service fault into an error with its message, status and request ID', async () => {
    const error = await failure(openstackRequest({ service: 'compute', url: `${base}/fault` }));
    expect(error).toMatchObject({ service: 'compute', status: 404, code: 'not_found', requestId: 'req-nova', message: 'Instance abc could not be found.' });
  });

  it('keeps the fault type Neutron names, and none for services that name none', async () => {
    const neutron = await failure(openstackRequest({ service: 'network', url: `${base}/neutron-fault` }));
    expect(neutron).toMatchObject({ status: 409, faultType: 'OverQuota', message: "Quota exceeded for resources: ['port']." });
    expect((await failure(openstackRequest({ service: 'compute', url: `${base}/fault` }))).faultType).toBeNull();
  });

  it('refuses a 2xx answer that is not JSON', async () => {
    const error = await failure(openstackRequest({ service: 'image', url: `${base}/html` }));
    expect(error).toMatchObject({ status: 502, code: 'bad_response' });
  });

  it('accepts statuses the caller names, and empty bodies', async () => {
    expect((await openstackRequest({ service: 'volume', url: `${base}/versions`, accept: [300] })).status).toBe(300);
    await failure(openstackRequest({ service: 'volume', url: `${base}/versions` }));
    expect((await openstackRequest({ service: 'compute', url: `${base}/empty`, method: 'DELETE' })).body).toBeNull();
  });

  it('gives up after the timeout with a timeout error', async () => {
    const error = await failure(openstackRequest({ service: 'network', url: `${base}/slow`, timeoutMs: 200 }));
    expect(error).toMatchObject({ status: 504, code: 'timeout', service: 'network' });
  });

  it('reports a service that cannot be reached', async () => {
    const error = await failure(openstackRequest({ service: 'identity', url: 'http://127.0.0.1:1/v3' }));
    expect(error).toMatchObject({ status: 503, code: 'unreachable', message: 'identity cannot be reached at http://127.0.0.1:1' });
  });
});
