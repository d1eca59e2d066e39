// POST /v1/{tenant}/validate (`openstack orchestration template validate`): the template, its
// environment and files are parsed and checked statically (types, properties, references, order) without
// parameter values; the answer lists the parameters as Heat does. Errors are Heat's 400 with line/column.

import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import {
  checkTemplate,
  createStackRegistry,
  describeTemplate,
  environmentFromDocument,
  parseEnvironment,
  parseTemplate,
  templateFromDocument,
} from './hot/index';
import { hotToApi } from './stack-plan';
import { stackContext } from './stack-routes';

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function validateTemplateBody(body: unknown) {
  if (!isMap(body)) throw new ApiError(400, 'The request body must be a JSON object.', 'HTTPBadRequest');
  const files: Record<string, string> = {};
  if (isMap(body.files)) for (const [k, v] of Object.entries(body.files)) files[k] = typeof v === 'string' ? v : JSON.stringify(v);
  try {
    let template;
    if (typeof body.template === 'string') template = parseTemplate(body.template, { files });
    else if (isMap(body.template)) template = templateFromDocument(body.template, files);
    else throw new ApiError(400, 'No Template provided.', 'HTTPBadRequest');
    const environment =
      typeof body.environment === 'string'
        ? parseEnvironment(body.environment)
        : environmentFromDocument(isMap(body.environment) ? body.environment : {});
    checkTemplate(template, createStackRegistry(environment, template.files));
    const given = isMap(body.parameters) ? body.parameters : {};
    return describeTemplate(template, { ...environment.parameters, ...given });
  } catch (e) {
    return hotToApi(e);
  }
}

export function registerValidateRoute(app: FastifyInstance, cloud: Cloud): void {
  app.post('/v1/:tenant/validate', async (request) => {
    stackContext(cloud, request);
    return validateTemplateBody(request.body);
  });
}
