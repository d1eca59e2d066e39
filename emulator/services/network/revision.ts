// Neutron's standard-attr-revisions: every change bumps revision_number and updated_at, and
// a client may make an update conditional with `If-Match: revision_number=N` (412 if stale).

import type { FastifyRequest } from 'fastify';
import { ApiError } from '../../http/api-error';

export function bumpRevision(resource: { revisionNumber: number }, now: string): { revisionNumber: number; updatedAt: string } {
  return { revisionNumber: resource.revisionNumber + 1, updatedAt: now };
}

export function checkIfMatch(request: FastifyRequest, current: number): void {
  const header = request.headers['if-match'];
  if (typeof header !== 'string') return;
  for (const part of header.split(',')) {
    const match = /^\s*revision_number=(\d+)\s*$/.exec(part);
    if (match && Number(match[1]) !== current) {
      throw new ApiError(412, `Constrained to ${match[1]}, but current revision is ${current}`, 'RevisionNumberConstraintFailed');
    }
  }
}
