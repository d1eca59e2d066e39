// Cinder's errors with Cinder's messages (cinder/exception.py), so clients and the dashboard
// show what a real cloud would say.

import { ApiError } from '../../http/api-error';

export const volumeNotFound = (id: string) => new ApiError(404, `Volume ${id} could not be found.`);
export const snapshotNotFound = (id: string) => new ApiError(404, `Snapshot ${id} could not be found.`);
export const typeNotFound = (id: string) => new ApiError(404, `Volume type ${id} could not be found.`);
export const typeNameNotFound = (name: string) =>
  new ApiError(404, `Volume type with name ${name} could not be found.`);
export const imageNotFound = (id: string) => new ApiError(404, `Image ${id} could not be found.`);
export const attachmentNotFound = (id: string) =>
  new ApiError(404, `Volume attachment could not be found with filter: attachment_id = ${id}.`);

export const invalidInput = (reason: string) => new ApiError(400, `Invalid input received: ${reason}`);
export const invalidVolume = (reason: string) => new ApiError(400, `Invalid volume: ${reason}`);
export const invalidSnapshot = (reason: string) => new ApiError(400, `Invalid snapshot: ${reason}`);
export const badRequest = (message: string) => new ApiError(400, message);

/** Cinder's policy refusal. */
export const policyForbidden = (rule: string) =>
  new ApiError(403, `Policy doesn't allow ${rule} to be performed.`);

// Quota errors reach the client with the exception's class name in front, as cinder-api
// renders them (e.g. `ERROR: VolumeLimitExceeded: … (HTTP 413)` in the CLI).
export const volumeLimitExceeded = (allowed: number, name: string) =>
  new ApiError(413, `VolumeLimitExceeded: Maximum number of volumes allowed (${allowed}) exceeded for quota '${name}'.`);
export const snapshotLimitExceeded = (allowed: number) =>
  new ApiError(413, `SnapshotLimitExceeded: Maximum number of snapshots allowed (${allowed}) exceeded`);
export const sizeExceedsQuota = (name: string, requested: number, quota: number, consumed: number) =>
  new ApiError(
    413,
    `VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed ${name} quota. Requested ${requested}G, quota is ${quota}G and ${consumed}G has been consumed.`,
  );
export const sizeExceedsLimit = (size: number, limit: number) =>
  new ApiError(413, `VolumeSizeExceedsLimit: Requested volume size ${size}G is larger than maximum allowed limit ${limit}G.`);
