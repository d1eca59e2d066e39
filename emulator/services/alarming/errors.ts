// Aodh's refusals with Aodh's words (aodh/api/controllers/v2, and WSME's input errors).

import { ApiError } from '../../http/api-error';

export const alarmNotFound = (id: string) => new ApiError(404, `Alarm ${id} not found`);

export const alarmNameExists = (name: string) => new ApiError(409, `Alarm with name='${name}' exists`);

/** WSME's message for a value outside an enumeration. */
export const notOneOf = (field: string, value: unknown, allowed: readonly string[]) =>
  new ApiError(
    400,
    `Invalid input for field/attribute ${field}. Value: '${String(value)}'. Value should be one of: ${allowed.join(', ')}`,
  );

/** WSME's message for a value of the wrong JSON type. */
export const wrongType = (field: string, value: unknown, expected: string) =>
  new ApiError(400, `Invalid input for field/attribute ${field}. Value: '${String(value)}'. Wrong type. Expected '${expected}', got '${typeName(value)}'`);

export const mandatoryMissing = (field: string) =>
  new ApiError(400, `Invalid input for field/attribute ${field}. Value: 'Unset'. Mandatory field missing.`);

export const ruleMissing = (type: string) => new ApiError(400, `${type}_rule must be set for ${type} type alarm`);

export const badRequest = (message: string) => new ApiError(400, message);

function typeName(value: unknown): string {
  if (value === null) return "<class 'NoneType'>";
  if (Array.isArray(value)) return "<class 'list'>";
  switch (typeof value) {
    case 'string':
      return "<class 'str'>";
    case 'number':
      return Number.isInteger(value) ? "<class 'int'>" : "<class 'float'>";
    case 'boolean':
      return "<class 'bool'>";
    default:
      return "<class 'dict'>";
  }
}
