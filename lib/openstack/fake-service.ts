import { type IncomingMessage, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/**
 * A loopback HTTP server for unit tests of lib/openstack modules: it answers with fixtures in the real
 * wire shape and records what the client sent (method, path, headers, body).
 */
export interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

export interface FakeService {
  url: string;
  requests: Recorded[];
  /** Answers for "METHOD /path?query" (exact) or "METHOD /path" (any query). */
  on(route: string, reply: Reply | ((request: Recorded) => Reply)): void;
  close(): Promise<void>;
}

export async function startFakeService(): Promise<FakeService> {
  const routes = new Map<string, Reply | ((request: Recorded) => Reply)>();
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: Recorded = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(recorded);
      const path = recorded.url.split('?')[0];
      const found = routes.get(`${recorded.method} ${recorded.url}`) ?? routes.get(`${recorded.method} ${path}`);
      const reply = typeof found === 'function' ? found(recorded) : (found ?? { status: 404, body: { itemNotFound: { code: 404, message: 'no fixture' } } });
      const text = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      res.writeHead(reply.status, { 'Content-Type': 'application/json', 'x-openstack-request-id': 'req-fake', ...reply.headers }).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    on: (route, reply) => void routes.set(route, reply),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * One fake service for the calling test file: started before its tests, closed after them, its request
 * log emptied before each test. The handle answers for the running service.
 */
export function useFakeService(): FakeService {
  let started: FakeService | undefined;
  const current = (): FakeService => {
    if (!started) throw new Error('the fake service starts in beforeAll');
    return started;
  };
  beforeAll(async () => {
    started = await startFakeService();
  });
  afterAll(() => current().close());
  beforeEach(() => {
    current().requests.length = 0;
  });
  return {
    get url() {
      return current().url;
    },
    get requests() {
      return current().requests;
    },
    on: (route, reply) => current().on(route, reply),
    close: () => current().close(),
  };
}
