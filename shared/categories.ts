/**
 * Category paths: `채팅/메시지/삭제` is the category 삭제 inside 메시지 inside 채팅. One home for
 * reading them — the feed builder, the Zendesk adapter, the store, the counts and the renderer's
 * breadcrumbs all walk a path with these helpers.
 */

export const CATEGORY_SEPARATOR = '/';

/** The path and each of its ancestors, top first: "a/b/c" → ["a", "a/b", "a/b/c"]. */
export function categoryTrail(path: string): string[] {
  const parts = path.split(CATEGORY_SEPARATOR);
  return parts.map((_, i) => parts.slice(0, i + 1).join(CATEGORY_SEPARATOR));
}

/** The top-level category of a path: "a/b/c" → "a". */
export const topCategory = (path: string): string => path.split(CATEGORY_SEPARATOR)[0]!;

/** The category's own name, its last segment: "a/b/c" → "c". */
export const categoryName = (path: string): string => path.split(CATEGORY_SEPARATOR).at(-1)!;

/** The path of the category holding this one, null at the top: "a/b/c" → "a/b". */
export function parentCategory(path: string): string | null {
  const at = path.lastIndexOf(CATEGORY_SEPARATOR);
  return at < 0 ? null : path.slice(0, at);
}

/** A path as people read it: "채팅/메시지" → "채팅 › 메시지". */
export const categoryLabel = (path: string): string => path.split(CATEGORY_SEPARATOR).join(' › ');
