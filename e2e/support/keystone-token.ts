/** A project-scoped token straight from Keystone (embedded or real), for setting up a test's world. */
export async function projectToken(identityV3: string, user: string, password: string, project: string): Promise<string> {
  const response = await fetch(`${identityV3}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['password'], password: { user: { name: user, domain: { id: 'default' }, password } } },
        scope: { project: { name: project, domain: { id: 'default' } } },
      },
    }),
  });
  const token = response.headers.get('x-subject-token');
  if (response.status !== 201 || !token) throw new Error(`${user} could not log in to ${project}: ${response.status}`);
  return token;
}
