// Heat's nested stacks (an AutoScalingGroup's members, template-backed resources): a stack row
// may belong to a resource of a parent stack. Top-level stacks have both columns null.

import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('stacks').addColumn('parent_stack_id', 'text').execute();
  await db.schema.alterTable('stacks').addColumn('parent_resource', 'text').execute();
  await db.schema.createIndex('stacks_parent').on('stacks').column('parent_stack_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('stacks_parent').execute();
  await db.schema.alterTable('stacks').dropColumn('parent_resource').execute();
  await db.schema.alterTable('stacks').dropColumn('parent_stack_id').execute();
}
