// Data access for Glance's images and image members. Who may see which image is decided
// here in SQL (Glance's visibility rules), so a list never loads images the caller may not see.

import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  Database,
  Image,
  ImageMember,
  ImageMemberStatus,
  ImageMemberTable,
  ImageStatus,
  ImageTable,
  ImageVisibility,
} from './schema';

export interface ImageViewer {
  projectId: string | null;
  isAdmin: boolean;
}

export interface ImageFilter {
  visibility?: ImageVisibility | 'all';
  /** For shared images of others: which membership status counts (default accepted). */
  memberStatus?: ImageMemberStatus | 'all';
  name?: string;
  status?: string;
  owner?: string;
  tags?: string[];
  osHidden?: boolean;
}

export type ImageChanges = Partial<Omit<Image, 'id' | 'createdAt'>>;

export interface ImageStore {
  /** Images the viewer may see, matching the filter, newest first unless sorted otherwise. */
  list(viewer: ImageViewer, filter?: ImageFilter): Promise<Image[]>;
  get(id: string): Promise<Image | undefined>;
  /** The image if the viewer may see it (owner, admin, public, community, or a member). */
  getVisible(viewer: ImageViewer, id: string): Promise<Image | undefined>;
  create(image: Image): Promise<Image>;
  update(id: string, changes: ImageChanges): Promise<Image | undefined>;
  delete(id: string): Promise<boolean>;
  /** Imports whose simulated time is up: set active. Returns how many settled. */
  settleImports(now: string): Promise<number>;
  listMembers(imageId: string): Promise<ImageMember[]>;
  getMember(imageId: string, memberId: string): Promise<ImageMember | undefined>;
  addMember(member: ImageMember): Promise<ImageMember>;
  updateMember(imageId: string, memberId: string, status: ImageMemberStatus, at: string): Promise<ImageMember | undefined>;
  removeMember(imageId: string, memberId: string): Promise<boolean>;
}

export function createImageStore(db: Kysely<Database>): ImageStore {
  const get = async (id: string): Promise<Image | undefined> => {
    const row = await db.selectFrom('images').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toImage(row);
  };
  const getMember = async (imageId: string, memberId: string): Promise<ImageMember | undefined> => {
    const row = await db
      .selectFrom('image_members')
      .selectAll()
      .where('image_id', '=', imageId)
      .where('member_id', '=', memberId)
      .executeTakeFirst();
    return row && toMember(row);
  };

  return {
    async list(viewer, filter = {}) {
      const project = viewer.projectId ?? '';
      const memberStatus = filter.memberStatus ?? 'accepted';
      let query = db.selectFrom('images').selectAll();
      const sharedWithMe = (statuses: 'all' | ImageMemberStatus) =>
        db
          .selectFrom('image_members')
          .select('image_id')
          .where('member_id', '=', project)
          .$if(statuses !== 'all', (q) => q.where('status', '=', statuses));

      const visibility = filter.visibility;
      if (visibility !== undefined && visibility !== 'all') {
        query = query.where('visibility', '=', visibility);
      }
      if (!viewer.isAdmin) {
        query = query.where((eb) => {
          const mine = eb('owner', '=', project);
          if (visibility === 'public') return eb('visibility', '=', 'public');
          if (visibility === 'community') return eb('visibility', '=', 'community');
          if (visibility === 'private') return mine;
          if (visibility === 'shared') return eb.or([mine, eb('id', 'in', sharedWithMe(memberStatus))]);
          // No visibility (or `all`): Glance lists public, own and accepted shared images;
          // community images only when they are one's own.
          return eb.or([
            eb('visibility', '=', 'public'),
            mine,
            eb.and([eb('visibility', '=', 'shared'), eb('id', 'in', sharedWithMe(memberStatus))]),
          ]);
        });
      }
      if (filter.name !== undefined) query = query.where('name', '=', filter.name);
      if (filter.status !== undefined) query = query.where('status', '=', filter.status);
      if (filter.owner !== undefined) query = query.where('owner', '=', filter.owner);
      query = query.where('os_hidden', '=', filter.osHidden ? 1 : 0);
      const images = (await query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute()).map(toImage);
      const tags = filter.tags ?? [];
      return tags.length === 0 ? images : images.filter((image) => tags.every((t) => image.tags.includes(t)));
    },
    get,
    async getVisible(viewer, id) {
      const image = await get(id);
      if (!image) return undefined;
      if (viewer.isAdmin || image.visibility === 'public' || image.visibility === 'community') return image;
      if (viewer.projectId !== null && image.owner === viewer.projectId) return image;
      if (image.visibility === 'shared' && viewer.projectId !== null) {
        // Any membership (even pending or rejected) lets a member see the image by id.
        if (await getMember(id, viewer.projectId)) return image;
      }
      return undefined;
    },
    async create(image) {
      await db.insertInto('images').values(toRow(image)).execute();
      return image;
    },
    async update(id, changes) {
      const current = await get(id);
      if (!current) return undefined;
      const { id: _id, created_at: _created, ...row } = toRow({ ...current, ...changes });
      await db.updateTable('images').set(row).where('id', '=', id).execute();
      return get(id);
    },
    async delete(id) {
      const result = await db.deleteFrom('images').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async settleImports(now) {
      const result = await db
        .updateTable('images')
        // SQLite evaluates every SET expression against the old row, so updated_at gets the old time.
        .set({ status: 'active', import_done_at: null, updated_at: sql<string>`import_done_at` })
        .where('status', '=', 'importing')
        .where('import_done_at', '<=', now)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async listMembers(imageId) {
      const rows = await db
        .selectFrom('image_members')
        .selectAll()
        .where('image_id', '=', imageId)
        .orderBy('created_at')
        .execute();
      return rows.map(toMember);
    },
    getMember,
    async addMember(member) {
      await db
        .insertInto('image_members')
        .values({
          image_id: member.imageId,
          member_id: member.memberId,
          status: member.status,
          created_at: member.createdAt,
          updated_at: member.updatedAt,
        })
        .execute();
      return member;
    },
    async updateMember(imageId, memberId, status, at) {
      await db
        .updateTable('image_members')
        .set({ status, updated_at: at })
        .where('image_id', '=', imageId)
        .where('member_id', '=', memberId)
        .execute();
      return getMember(imageId, memberId);
    },
    async removeMember(imageId, memberId) {
      const result = await db
        .deleteFrom('image_members')
        .where('image_id', '=', imageId)
        .where('member_id', '=', memberId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

function toRow(image: Image): Selectable<ImageTable> {
  return {
    id: image.id,
    name: image.name,
    status: image.status,
    visibility: image.visibility,
    protected: image.protected ? 1 : 0,
    os_hidden: image.osHidden ? 1 : 0,
    owner: image.owner,
    disk_format: image.diskFormat,
    container_format: image.containerFormat,
    size: image.size,
    virtual_size: image.virtualSize,
    checksum: image.checksum,
    os_hash_algo: image.osHashAlgo,
    os_hash_value: image.osHashValue,
    min_disk: image.minDisk,
    min_ram: image.minRam,
    tags: JSON.stringify(image.tags),
    properties: JSON.stringify(image.properties),
    import_done_at: image.importDoneAt,
    created_at: image.createdAt,
    updated_at: image.updatedAt,
  };
}

function toImage(row: Selectable<ImageTable>): Image {
  return {
    id: row.id,
    name: row.name,
    status: row.status as ImageStatus,
    visibility: row.visibility as ImageVisibility,
    protected: row.protected === 1,
    osHidden: row.os_hidden === 1,
    owner: row.owner,
    diskFormat: row.disk_format,
    containerFormat: row.container_format,
    size: row.size,
    virtualSize: row.virtual_size,
    checksum: row.checksum,
    osHashAlgo: row.os_hash_algo,
    osHashValue: row.os_hash_value,
    minDisk: row.min_disk,
    minRam: row.min_ram,
    tags: JSON.parse(row.tags) as string[],
    properties: JSON.parse(row.properties) as Record<string, string>,
    importDoneAt: row.import_done_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toMember(row: Selectable<ImageMemberTable>): ImageMember {
  return {
    imageId: row.image_id,
    memberId: row.member_id,
    status: row.status as ImageMemberStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
