// Facts about the store itself (migration 0001).

/** Facts about the store itself, e.g. which seed it was created with. */
export interface MetaTable {
  key: string;
  value: string;
}
