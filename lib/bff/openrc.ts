import { stringify } from 'yaml';

import { shellQuote } from './shell-quote';

/** The facts both credential files are made of; no password ever. */
export interface CredentialFacts {
  authUrl: string;
  username: string;
  userDomainName: string;
  projectId: string;
  projectName: string;
  projectDomainId: string;
  region: string | null;
  interface: string;
}

/** An openrc for Keystone v3 that asks for the password when sourced and never writes it anywhere. */
export function renderOpenrc(f: CredentialFacts): string {
  const lines = [
    '#!/usr/bin/env bash',
    `# OpenStack credentials for project ${oneLine(f.projectName)} as user ${oneLine(f.username)}, made by Zenith.`,
    '# Load them into your shell with:  source <this file>',
    '# The password is asked for when you source the file; it is kept only in this shell.',
    '',
    `export OS_AUTH_URL=${shellQuote(f.authUrl)}`,
    `export OS_PROJECT_ID=${shellQuote(f.projectId)}`,
    `export OS_PROJECT_NAME=${shellQuote(f.projectName)}`,
    `export OS_USER_DOMAIN_NAME=${shellQuote(f.userDomainName)}`,
    '[ -n "$OS_USER_DOMAIN_NAME" ] || unset OS_USER_DOMAIN_NAME',
    `export OS_PROJECT_DOMAIN_ID=${shellQuote(f.projectDomainId)}`,
    '[ -n "$OS_PROJECT_DOMAIN_ID" ] || unset OS_PROJECT_DOMAIN_ID',
    '# Keystone v2 names left over from older files would confuse the client.',
    'unset OS_TENANT_ID OS_TENANT_NAME',
    `export OS_USERNAME=${shellQuote(f.username)}`,
    `printf 'OpenStack password for %s in project %s: ' "$OS_USERNAME" "$OS_PROJECT_NAME" >&2`,
    'read -sr OS_PASSWORD_INPUT',
    'printf \'\\n\' >&2',
    'export OS_PASSWORD="$OS_PASSWORD_INPUT"',
    'unset OS_PASSWORD_INPUT',
    `export OS_REGION_NAME=${shellQuote(f.region ?? '')}`,
    '[ -n "$OS_REGION_NAME" ] || unset OS_REGION_NAME',
    `export OS_INTERFACE=${shellQuote(f.interface)}`,
    'export OS_IDENTITY_API_VERSION=3',
    '',
  ];
  return lines.join('\n');
}

/** clouds.yaml for openstacksdk and the CLI (`openstack --os-cloud <project>`), without the password. */
export function renderCloudsYaml(f: CredentialFacts): string {
  const cloud: Record<string, unknown> = {
    auth: {
      auth_url: f.authUrl,
      username: f.username,
      user_domain_name: f.userDomainName,
      project_id: f.projectId,
      project_name: f.projectName,
      project_domain_id: f.projectDomainId,
    },
    ...(f.region ? { region_name: f.region } : {}),
    interface: f.interface,
    identity_api_version: 3,
  };
  const header = [
    '# OpenStack credentials made by Zenith, for openstacksdk and the openstack CLI.',
    '# Put this file in ~/.config/openstack/ or the current directory, then run:',
    `#   openstack --os-cloud ${oneLine(cloudName(f.projectName))} token issue`,
    '# The password is not in this file: you are asked for it, or add "password:" under auth yourself.',
    '',
  ].join('\n');
  return header + stringify({ clouds: { [cloudName(f.projectName)]: cloud } });
}

export function cloudName(projectName: string): string {
  return projectName || 'openstack';
}

/** A file name safe in a Content-Disposition header and on any file system. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
  return cleaned.slice(0, 100) || 'openstack';
}

function oneLine(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]/g, ' ');
}
