// GET /v2.0/extensions and /v2.0/extensions/{alias}: the Neutron API extensions this
// emulator really serves, with neutron-lib's names, descriptions and update stamps. Clients
// (the SDK, Horizon, the dashboard) gate features on this list, so an alias belongs here
// only when its resources or attributes are rendered.

import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../http/api-error';
import { neutronRoute, pathParam } from './register';

interface Extension {
  alias: string;
  name: string;
  description: string;
  updated: string;
}

export const EXTENSIONS: readonly Extension[] = [
  { alias: 'agent', name: 'agent', description: 'The agent management extension.', updated: '2013-02-03T10:00:00-00:00' },
  { alias: 'allowed-address-pairs', name: 'Allowed Address Pairs', description: 'Provides allowed address pairs', updated: '2013-07-23T10:00:00-00:00' },
  { alias: 'availability_zone', name: 'Availability Zone', description: 'The availability zone extension.', updated: '2015-01-01T10:00:00-00:00' },
  { alias: 'binding', name: 'Port Binding', description: 'Expose port bindings of a virtual port to external application', updated: '2014-02-03T10:00:00-00:00' },
  { alias: 'dvr', name: 'Distributed Virtual Router', description: 'Enables configuration of Distributed Virtual Routers.', updated: '2014-06-1T10:00:00-00:00' },
  { alias: 'empty-string-filtering', name: 'Empty String Filtering Extension', description: 'Allow filtering by attributes with empty string value', updated: '2018-05-01T10:00:00-00:00' },
  { alias: 'ext-gw-mode', name: 'Neutron L3 Configurable external gateway mode', description: 'Extension of the router abstraction for specifying whether SNAT should occur on the external gateway', updated: '2013-03-28T10:00:00-00:00' },
  { alias: 'external-net', name: 'Neutron external network', description: 'Adds external network attribute to network resource.', updated: '2013-01-14T10:00:00-00:00' },
  { alias: 'extraroute', name: 'Neutron Extra Route', description: 'Extra routes configuration for L3 router', updated: '2013-02-01T10:00:00-00:00' },
  { alias: 'filter-validation', name: 'Filter parameters validation', description: 'Provides validation on filter parameters.', updated: '2018-03-21T10:00:00-00:00' },
  { alias: 'fip-port-details', name: 'Floating IP Port Details Extension', description: 'Add port_details attribute to Floating IP resource', updated: '2018-04-09T10:00:00-00:00' },
  { alias: 'l3-ha', name: 'HA Router extension', description: 'Adds HA capability to routers.', updated: '2014-04-26T00:00:00-00:00' },
  { alias: 'net-mtu', name: 'Network MTU', description: 'Provides MTU attribute for a network resource.', updated: '2015-03-25T10:00:00-00:00' },
  { alias: 'network-ip-availability', name: 'Network IP Availability', description: 'Provides IP availability data for each network and subnet.', updated: '2015-09-24T00:00:00-00:00' },
  { alias: 'network_availability_zone', name: 'Network Availability Zone', description: 'Availability zone support for network.', updated: '2015-01-01T10:00:00-00:00' },
  { alias: 'pagination', name: 'Pagination support', description: 'Extension that indicates that pagination is enabled.', updated: '2016-06-12T00:00:00-00:00' },
  { alias: 'port-security', name: 'Port Security', description: 'Provides port security', updated: '2012-07-23T10:00:00-00:00' },
  { alias: 'project-id', name: 'project_id field enabled', description: 'Extension that indicates that project_id field is enabled.', updated: '2016-09-09T09:09:09-09:09' },
  { alias: 'provider', name: 'Provider Network', description: 'Expose mapping of virtual networks to physical networks', updated: '2012-09-07T10:00:00-00:00' },
  { alias: 'quota_details', name: 'Quota details management support', description: 'Expose functions for quotas usage statistics per project', updated: '2017-02-10T10:00:00-00:00' },
  { alias: 'quotas', name: 'Quota management support', description: 'Expose functions for quotas management per project', updated: '2012-07-29T10:00:00-00:00' },
  { alias: 'router', name: 'Neutron L3 Router', description: 'Router abstraction for basic L3 forwarding between L2 Neutron networks and access to external networks via a NAT gateway.', updated: '2012-07-20T10:00:00-00:00' },
  { alias: 'router_availability_zone', name: 'Router Availability Zone', description: 'Availability zone support for router.', updated: '2015-01-01T10:00:00-00:00' },
  { alias: 'security-group', name: 'security-group', description: 'The security groups extension.', updated: '2012-10-05T10:00:00-00:00' },
  { alias: 'security-groups-normalized-cidr', name: 'Security Groups Normalized CIDR', description: 'Add new field with normalized remote_ip_prefix cidr in SG rule', updated: '2022-12-02T10:00:00-00:00' },
  { alias: 'security-groups-rules-belongs-to-default-sg', name: 'Security group rules belongs to the default security group', description: 'Flag to determine if the security group rule belongs to the default security group', updated: '2023-05-10T10:00:00-00:00' },
  { alias: 'sort-key-validation', name: 'Sort keys validation', description: 'Provides validation on sort keys.', updated: '2018-07-26T10:00:00-00:00' },
  { alias: 'sorting', name: 'Sorting support', description: 'Extension that indicates that sorting is enabled.', updated: '2016-06-12T00:00:00-00:00' },
  { alias: 'standard-attr-description', name: 'standard-attr-description', description: 'Extension to add descriptions to standard attributes', updated: '2016-02-10T10:00:00-00:00' },
  { alias: 'standard-attr-revisions', name: 'Resource revision numbers', description: 'This extension will display the revision number of neutron resources.', updated: '2016-04-11T10:00:00-00:00' },
  { alias: 'standard-attr-timestamp', name: 'Resource timestamps', description: 'Adds created_at and updated_at fields to all Neutron resources that have Neutron standard attributes.', updated: '2016-09-12T10:00:00-00:00' },
  { alias: 'stateful-security-group', name: 'Stateful security group', description: 'Indicates if the security group is stateful or not', updated: '2019-11-26T09:00:00-00:00' },
];

const view = (extension: Extension) => ({ ...extension, links: [] });

export function registerExtensionRoutes(app: FastifyInstance): void {
  // Any valid token may read the list (the token check runs before every /v2.0 handler).
  neutronRoute(app, 'GET', '/extensions', async () => {
    return { extensions: EXTENSIONS.map(view) };
  });

  neutronRoute(app, 'GET', '/extensions/:alias', async (request) => {
    const alias = pathParam(request, 'alias');
    const extension = EXTENSIONS.find((candidate) => candidate.alias === alias);
    if (!extension) throw new ApiError(404, `Extension with alias ${alias} does not exist`, 'HTTPNotFound');
    return { extension: view(extension) };
  });
}
