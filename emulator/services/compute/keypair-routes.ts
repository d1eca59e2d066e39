// Nova's key pairs. They belong to a user, not a project: a list shows the caller's own
// (an admin may name another user from 2.10). Create generates an RSA key when no public
// key is given and returns the private key once; it is never stored.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import { formatIsoMicros } from '../../sim/clock';
import type { Keypair } from '../../store/schema';
import { atLeast } from './microversion';
import {
  bodyObject,
  invalidInput,
  nextLinks,
  novaCaller,
  parseLimit,
  policyForbidden,
  queryValue,
  type NovaCaller,
  type NovaQuery,
} from './nova-request';
import { generateSshKeypair, sshFingerprint, x509Fingerprint } from './ssh-keys';

type NameParams = { Params: { name: string }; Querystring: NovaQuery };

const SAFE_NAME = /^[a-zA-Z0-9 _-]+$/;

/** Nova's naive timestamp with microseconds: 2014-05-07T12:06:13.681238. */
function novaMicros(iso: string): string {
  return iso.replace(/Z$/, '');
}

function keypairSummary(request: FastifyRequest, keypair: Keypair) {
  return {
    name: keypair.name,
    public_key: keypair.publicKey,
    fingerprint: keypair.fingerprint,
    ...(atLeast(request, '2.2') ? { type: keypair.type } : {}),
  };
}

function keypairDetail(request: FastifyRequest, keypair: Keypair) {
  return {
    ...keypairSummary(request, keypair),
    user_id: keypair.userId,
    id: keypair.id,
    created_at: novaMicros(keypair.createdAt),
    updated_at: null,
    deleted: false,
    deleted_at: null,
  };
}

/** Whose key pairs a request is about: the caller, or (2.10+, admins only) `user_id`. */
function targetUser(request: FastifyRequest, caller: NovaCaller, userId: unknown, rule: string): string {
  if (userId === undefined || !atLeast(request, '2.10')) return caller.userId;
  if (typeof userId !== 'string' || userId === '') throw invalidInput('user_id', userId, 'is not a valid user id');
  if (userId !== caller.userId && !caller.admin) throw policyForbidden(rule);
  return userId;
}

function notFound(name: string, userId: string): ApiError {
  return new ApiError(404, `Keypair ${name} not found for user ${userId}`);
}

export function registerKeypairRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { keypairs } = cloud.store;

  app.get<{ Querystring: NovaQuery }>('/v2.1/os-keypairs', async (request) => {
    const caller = novaCaller(request);
    const userId = targetUser(request, caller, queryValue(request.query, 'user_id'), 'os_compute_api:os-keypairs:index');
    const paged = atLeast(request, '2.35');
    const limit = paged ? parseLimit(request.query) : undefined;
    const marker = paged ? queryValue(request.query, 'marker') : undefined;
    if (marker !== undefined && !(await keypairs.get(userId, marker))) {
      throw new ApiError(400, `marker [${marker}] not found`);
    }
    const list = await keypairs.listOfUser(userId, { limit, markerName: marker });
    return {
      keypairs: list.map((k) => ({ keypair: keypairSummary(request, k) })),
      ...(limit === undefined ? {} : nextLinks(cloud, request, 'keypairs', list, limit, list[list.length - 1]?.name)),
    };
  });

  app.get<NameParams>('/v2.1/os-keypairs/:name', async (request) => {
    const caller = novaCaller(request);
    const userId = targetUser(request, caller, queryValue(request.query, 'user_id'), 'os_compute_api:os-keypairs:show');
    const keypair = await keypairs.get(userId, request.params.name);
    if (!keypair) throw notFound(request.params.name, userId);
    return { keypair: keypairDetail(request, keypair) };
  });

  app.post('/v2.1/os-keypairs', async (request, reply: FastifyReply) => {
    const caller = novaCaller(request);
    const input = bodyObject(request.body, 'keypair');
    const allowed = new Set(['name', 'public_key', ...(atLeast(request, '2.2') ? ['type'] : []), ...(atLeast(request, '2.10') ? ['user_id'] : [])]);
    for (const key of Object.keys(input)) {
      if (!allowed.has(key)) {
        throw new ApiError(400, `Invalid input for field/attribute keypair. Value: ${JSON.stringify(input)}. Additional properties are not allowed ('${key}' was unexpected)`);
      }
    }
    const name = input.name;
    if (typeof name !== 'string') throw invalidInput('name', name ?? 'None', "'name' is a required property of type 'string'");
    if (name.length < 1 || name.length > 255) throw invalidInput('name', name, 'must be 1 to 255 characters long');
    if (!SAFE_NAME.test(name)) throw new ApiError(400, 'Keypair data is invalid: Keypair name contains unsafe characters');
    const type = input.type ?? 'ssh';
    if (type !== 'ssh' && type !== 'x509') throw invalidInput('type', type, "'" + String(type) + "' is not one of ['ssh', 'x509']");
    const userId = targetUser(request, caller, input.user_id, 'os_compute_api:os-keypairs:create');
    if (userId !== caller.userId && !(await cloud.store.identity.getUser(userId))) {
      throw new ApiError(404, `User ${userId} could not be found.`);
    }

    let publicKey: string;
    let fingerprint: string;
    let privateKey: string | undefined;
    if (input.public_key !== undefined) {
      if (typeof input.public_key !== 'string') throw invalidInput('public_key', input.public_key, "is not of type 'string'");
      publicKey = input.public_key.trim();
      const computed = type === 'x509' ? x509Fingerprint(publicKey) : sshFingerprint(publicKey);
      if (computed === undefined) throw new ApiError(400, 'Keypair data is invalid: failed to generate fingerprint');
      fingerprint = computed;
    } else {
      if (type === 'x509') throw new ApiError(400, 'Keypair data is invalid: the embedded cloud generates ssh key pairs only; import an x509 certificate instead');
      const generated = generateSshKeypair(`Generated-by-Nova`);
      ({ publicKey, fingerprint, privateKey } = generated);
    }

    const keypair = await cloud.store.transaction(async (repos) => {
      if (await repos.keypairs.get(userId, name)) throw new ApiError(409, `Key pair '${name}' already exists.`);
      const projectId = caller.projectId;
      if (projectId !== null) {
        const limit = (await repos.computeQuotas.limitsOf(projectId)).key_pairs;
        if (limit >= 0 && (await repos.keypairs.countOfUser(userId)) >= limit) {
          throw new ApiError(403, 'Quota exceeded, too many key pairs.');
        }
      }
      return repos.keypairs.create({
        userId,
        name,
        type,
        publicKey,
        fingerprint,
        createdAt: formatIsoMicros(cloud.clock.now()),
      });
    });
    const body = {
      keypair: {
        ...keypairSummary(request, keypair),
        user_id: keypair.userId,
        ...(privateKey === undefined ? {} : { private_key: privateKey }),
      },
    };
    return reply.code(atLeast(request, '2.2') ? 201 : 200).send(body);
  });

  app.delete<NameParams>('/v2.1/os-keypairs/:name', async (request, reply) => {
    const caller = novaCaller(request);
    const userId = targetUser(request, caller, queryValue(request.query, 'user_id'), 'os_compute_api:os-keypairs:delete');
    if (!(await keypairs.delete(userId, request.params.name))) throw notFound(request.params.name, userId);
    return reply.code(atLeast(request, '2.2') ? 204 : 202).send();
  });
}
