// Keystone's errors with Keystone's messages. 401s are deliberately generic: the caller must
// not learn whether the user, the password, the project or a domain was wrong.

import { ApiError } from '../../http/api-error';

export function unauthorized(): ApiError {
  return new ApiError(401, 'The request you have made requires authentication.');
}

export function forbidden(policy: string): ApiError {
  return new ApiError(403, `You are not authorized to perform the requested action: identity:${policy}.`);
}

export function forbiddenAction(message: string): ApiError {
  return new ApiError(403, message);
}

export function notFound(kind: string, id: string): ApiError {
  return new ApiError(404, `Could not find ${kind}: ${id}.`);
}

export function conflict(kind: string, name: string, domainId?: string): ApiError {
  const where = domainId === undefined ? '' : ` at domain ID ${domainId}`;
  return new ApiError(
    409,
    `Conflict occurred attempting to store ${kind} - Duplicate entry found with name ${name}${where}.`,
  );
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, message);
}
