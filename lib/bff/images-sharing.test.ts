import { beforeEach, describe, expect, it } from 'vitest';

import { useFakeService } from '../openstack/fake-service';
import { fakeScope } from './fake-scope';
import { answerShare, loadImageSharing, shareImage } from './images-sharing';

const IMAGE = { id: 'img-1', name: 'golden', status: 'active', visibility: 'shared', owner: 'p-demo', protected: false, min_disk: 0, min_ram: 0, tags: [] };
const MEMBER = { image_id: 'img-1', member_id: 'p-other', status: 'pending', created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z', schema: '/v2/schemas/member' };

const fake = useFakeService();
beforeEach(() => {
  fake.on('GET /image/v2/images/img-1', { status: 200, body: IMAGE });
});

describe('image sharing', () => {
  it('shows the owner its members with clean names', async () => {
    fake.on('GET /image/v2/images/img-1/members', { status: 200, body: { members: [MEMBER], schema: '/v2/schemas/members' } });
    const view = await loadImageSharing(fakeScope(fake.url), 'img-1');
    expect(view).toMatchObject({ owned: true, members: [{ projectId: 'p-other', status: 'pending' }], membership: null });
  });

  it('shows another project its own answer, and sends it for that project', async () => {
    fake.on('GET /image/v2/images/img-1/members/p-other', { status: 200, body: MEMBER });
    const view = await loadImageSharing(fakeScope(fake.url, { projectId: 'p-other' }), 'img-1');
    expect(view).toMatchObject({ owned: false, membership: { projectId: 'p-other', status: 'pending' } });
    fake.on('PUT /image/v2/images/img-1/members/p-other', (r) => ({ status: 200, body: { ...MEMBER, status: JSON.parse(r.body).status } }));
    expect(await answerShare(fakeScope(fake.url, { projectId: 'p-other' }), 'img-1', 'accepted')).toMatchObject({ status: 'accepted' });
  });

  it('refuses to share an image that is not "shared", before asking Glance', async () => {
    fake.on('GET /image/v2/images/img-1', { status: 200, body: { ...IMAGE, visibility: 'private' } });
    await expect(shareImage(fakeScope(fake.url), 'img-1', 'p-other')).rejects.toMatchObject({ payload: { status: 409, fields: { projectId: 'not_shared' } } });
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });
});
