// Heat's resource type and template version discovery below /heat-api/v1/{tenant}:
// GET /resource_types (name regex, with_description), GET /resource_types/{type} (the properties
// and attributes schema in Heat's resource_schema shape), GET /template_versions and
// GET /template_versions/{version}/functions, from the engine's own tables.

import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import { builtInResourceTypes, listVersions, resolveVersion, type PropertySchema } from './hot/index';
import { builtInTypeNames } from './hot/resource-types';
import { PROPERTY_CONSTRAINTS as CONSTRAINTS } from './constraint-resolver';
import { stackContext } from './stack-routes';

type Query = Record<string, string | string[] | undefined>;

/** Properties our stack update acts on without replacing the resource (stack-update.ts). */
const UPDATE_ALLOWED: Record<string, readonly string[]> = {
  'OS::Nova::Server': ['name', 'metadata', 'flavor', 'image'],
  'OS::Cinder::Volume': ['name', 'description', 'size', 'metadata'],
  'OS::Neutron::Port': ['name', 'admin_state_up'],
  'OS::Heat::AutoScalingGroup': ['min_size', 'max_size', 'desired_capacity', 'cooldown', 'resource', 'rolling_updates'],
  'OS::Heat::ScalingPolicy': ['scaling_adjustment', 'adjustment_type', 'cooldown', 'min_adjustment_step'],
};


const DESCRIPTIONS: Record<string, string> = {
  'OS::Nova::Server': 'A resource for managing Nova instances.',
  'OS::Neutron::Port': 'A resource for managing Neutron ports.',
  'OS::Neutron::FloatingIP': 'A resource for managing Neutron floating ips.',
  'OS::Neutron::FloatingIPAssociation': 'A resource for associating floating ips and ports.',
  'OS::Cinder::Volume': 'A resource that implements Cinder volumes.',
  'OS::Heat::AutoScalingGroup': 'An autoscaling group that can scale arbitrary resources.',
  'OS::Heat::ScalingPolicy': 'A resource to manage scaling of OS::Heat::AutoScalingGroup.',
  'OS::Aodh::Alarm': 'A resource that implements alarming service of Aodh.',
  'OS::Aodh::GnocchiAggregationByResourcesAlarm': 'A resource that implements alarm with specified resource type.',
};

const SUPPORTED = { status: 'SUPPORTED', version: null, message: null, previous_status: null };

function propertyView(type: string, name: string, p: PropertySchema): Record<string, unknown> {
  const constraints: Record<string, unknown>[] = [];
  if (p.allowedValues) constraints.push({ allowed_values: p.allowedValues });
  const custom = CONSTRAINTS[type]?.[name];
  if (custom) constraints.push({ custom_constraint: custom });
  return {
    type: p.type === 'any' ? 'string' : p.type,
    description: `${name.replace(/_/g, ' ')}.`,
    required: p.required === true,
    update_allowed: (UPDATE_ALLOWED[type] ?? []).includes(name),
    immutable: false,
    ...(p.default === undefined ? {} : { default: p.default }),
    ...(constraints.length > 0 ? { constraints } : {}),
  };
}

function typeDescription(type: string): string {
  return DESCRIPTIONS[type] ?? `${type} (its properties and attributes are checked; the cloud keeps it as a record).`;
}

/** Heat's name filter is a regular expression matched at the start of the type name. */
function nameFilter(raw: Query[string]): (name: string) => boolean {
  const patterns = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const res = patterns.map((p) => {
    try {
      return new RegExp(`^(?:${p})`);
    } catch {
      throw new ApiError(400, `Invalid regular expression for name: ${p}`, 'HTTPBadRequest');
    }
  });
  return (name) => res.every((re) => re.test(name));
}

export function registerResourceTypeRoutes(app: FastifyInstance, cloud: Cloud): void {
  app.get('/v1/:tenant/resource_types', async (request) => {
    stackContext(cloud, request);
    const q = request.query as Query;
    if (q.support_status !== undefined && q.support_status !== 'SUPPORTED') return { resource_types: [] };
    const names = builtInTypeNames.filter(nameFilter(q.name)).sort();
    if (q.with_description === 'true' || q.with_description === 'True') {
      return { resource_types: names.map((n) => ({ resource_type: n, description: typeDescription(n) })) };
    }
    return { resource_types: names };
  });

  app.get('/v1/:tenant/resource_types/:type', async (request) => {
    stackContext(cloud, request);
    const type = (request.params as { type: string }).type;
    const schema = builtInResourceTypes.get(type);
    if (!schema) throw new ApiError(404, `The Resource Type (${type}) could not be found.`, 'EntityNotFound');
    const attributes = [...new Set([...schema.attributes, 'show'])];
    return {
      resource_type: type,
      properties: Object.fromEntries(Object.entries(schema.properties).map(([n, p]) => [n, propertyView(type, n, p)])),
      attributes: Object.fromEntries(
        attributes.map((a) => [a, { description: a === 'show' ? 'Detailed information about resource.' : `${a.replace(/_/g, ' ')}.`, type: a === 'show' ? 'map' : 'string' }]),
      ),
      support_status: SUPPORTED,
      description: typeDescription(type),
    };
  });

  app.get('/v1/:tenant/template_versions', async (request) => {
    stackContext(cloud, request);
    const dates = listVersions().filter((v) => /^\d{4}-/.test(v));
    return {
      template_versions: dates.map((date) => {
        const alias = listVersions()[listVersions().indexOf(date) + 1];
        return {
          version: `heat_template_version.${date}`,
          type: 'hot',
          aliases: alias !== undefined && !/^\d{4}-/.test(alias) ? [`heat_template_version.${alias}`] : [],
        };
      }),
    };
  });

  app.get('/v1/:tenant/template_versions/:version/functions', async (request) => {
    stackContext(cloud, request);
    const raw = (request.params as { version: string }).version;
    const m = /^heat_template_version\.(.+)$/.exec(raw);
    const known = m ? listVersions().includes(m[1]!) : false;
    if (!m || !known) throw new ApiError(404, `The template version (${raw}) could not be found.`, 'NotFound');
    const functions = [...resolveVersion(m[1]!).functions].sort();
    return { template_functions: functions.map((f) => ({ functions: f, description: `The ${f} function.` })) };
  });
}
