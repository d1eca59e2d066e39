import 'server-only';

import { OpenStackError } from '../openstack/errors';
import { ApiError } from './api-error';

/**
 * Heat's 400s put next to the field they are about: a YAML error (with its line and column) on the
 * template or environment, a missing file on the files, a parameter's problem on that parameter. The
 * message is Heat's own text; the form shows it as written.
 */
export function heatFields(message: string): Record<string, string> | null {
  const parameter = /The Parameter \(([^)]+)\) was not provided|Parameter '([^']+)' is invalid/.exec(message);
  if (parameter) return { [`parameters.${parameter[1] ?? parameter[2]}`]: message };
  if (/Could not fetch remote template|was not provided|No such file|could not be found in files/i.test(message)) return { files: message };
  if (/line \d+, column \d+/.test(message) || /Error parsing|TemplateParseError|yaml/i.test(message)) {
    return /environment/i.test(message) ? { environment: message } : { template: message };
  }
  return null;
}

/**
 * Runs a Heat call; a 400 whose message names a field becomes a field error (one that names none goes to
 * `fallback`, the template: Heat refused what it was given), anything else is rethrown.
 */
export async function withHeatFields<T>(run: () => Promise<T>, fallback = 'template'): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof OpenStackError && error.status === 400) {
      const fields = heatFields(error.message) ?? { [fallback]: error.message };
      throw new ApiError({ code: 'stack.invalid', status: 400, message: error.message, fields, service: error.service, requestId: error.requestId });
    }
    throw error;
  }
}
