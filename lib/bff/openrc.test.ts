import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { type CredentialFacts, renderCloudsYaml, renderOpenrc, safeFileName } from './openrc';

const facts: CredentialFacts = {
  authUrl: 'http://127.0.0.1:8788/identity',
  username: 'demo',
  userDomainName: 'Default',
  projectId: 'p-123',
  projectName: 'demo',
  projectDomainId: 'default',
  region: 'RegionOne',
  interface: 'public',
};

const HOSTILE = ['a"b$(x)', "it's", '`touch /tmp/pwned`', '$HOME\\n', 'semi;colon && rm -rf /', 'new\nline', '日本語 プロジェクト', '!!'];

/** Sources the file in a clean bash with the password on stdin and prints the exported variables. */
function sourceInBash(openrc: string, password: string): Record<string, string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'openrc-'));
  const file = path.join(dir, 'test-openrc.sh');
  writeFileSync(file, openrc);
  const out = execFileSync(
    'bash',
    ['--noprofile', '--norc', '-c', `source "$1" >/dev/null 2>&1; env -0 | grep -z '^OS_'`, 'bash', file],
    { input: `${password}\n`, env: { NODE_ENV: 'test', PATH: process.env.PATH ?? '/usr/bin:/bin', OS_TENANT_NAME: 'old' }, cwd: dir },
  ).toString();
  return Object.fromEntries(
    out
      .split('\0')
      .filter(Boolean)
      .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
  );
}

describe('renderOpenrc', () => {
  it('exports the Keystone v3 variables and reads the password from the prompt', () => {
    const env = sourceInBash(renderOpenrc(facts), 'se cret$(x)');
    expect(env).toEqual({
      OS_AUTH_URL: 'http://127.0.0.1:8788/identity',
      OS_PROJECT_ID: 'p-123',
      OS_PROJECT_NAME: 'demo',
      OS_USER_DOMAIN_NAME: 'Default',
      OS_PROJECT_DOMAIN_ID: 'default',
      OS_USERNAME: 'demo',
      OS_PASSWORD: 'se cret$(x)',
      OS_REGION_NAME: 'RegionOne',
      OS_INTERFACE: 'public',
      OS_IDENTITY_API_VERSION: '3',
    });
  });

  it('never writes a password and asks for it with read -sr', () => {
    const text = renderOpenrc(facts);
    expect(text).toContain('read -sr OS_PASSWORD_INPUT');
    expect(text).not.toMatch(/OS_PASSWORD=['"]?[^"$]/);
  });

  it.each(HOSTILE)('keeps the project name %j exactly, running nothing', (name) => {
    const env = sourceInBash(renderOpenrc({ ...facts, projectName: name, username: name }), 'pw');
    expect(env.OS_PROJECT_NAME).toBe(name);
    expect(env.OS_USERNAME).toBe(name);
    expect(env.OS_AUTH_URL).toBe(facts.authUrl);
  });

  it('unsets empty optional variables and the v2 leftovers', () => {
    const env = sourceInBash(renderOpenrc({ ...facts, region: null, userDomainName: '' }), 'pw');
    expect(env).not.toHaveProperty('OS_REGION_NAME');
    expect(env).not.toHaveProperty('OS_USER_DOMAIN_NAME');
    expect(env).not.toHaveProperty('OS_TENANT_NAME');
  });
});

describe('renderCloudsYaml', () => {
  it('describes the same cloud with no password', () => {
    const doc = parse(renderCloudsYaml({ ...facts, projectName: 'a"b$(x): #x' }));
    expect(doc.clouds['a"b$(x): #x']).toEqual({
      auth: {
        auth_url: facts.authUrl,
        username: 'demo',
        user_domain_name: 'Default',
        project_id: 'p-123',
        project_name: 'a"b$(x): #x',
        project_domain_id: 'default',
      },
      region_name: 'RegionOne',
      interface: 'public',
      identity_api_version: 3,
    });
    expect(renderCloudsYaml(facts)).not.toMatch(/^\s+password:/m);
  });
});

describe('safeFileName', () => {
  it('keeps plain names and replaces anything a header or file system could trip on', () => {
    expect(safeFileName('demo-openrc.sh')).toBe('demo-openrc.sh');
    expect(safeFileName('a"b$(x)-openrc.sh')).toBe('a_b__x_-openrc.sh');
    expect(safeFileName('../../etc/passwd')).toBe('__.._etc_passwd');
    expect(safeFileName('')).toBe('openstack');
  });
});
