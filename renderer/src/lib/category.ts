/** Category paths ("채팅/메시지") as people read them ("채팅 › 메시지"). */
export const categoryLabel = (path: string): string => path.split('/').join(' › ');
export const topCategory = (path: string): string => path.split('/')[0]!;
export const categoryName = (path: string): string => path.split('/').at(-1)!;

/** The path and each of its ancestors, top first: "a/b/c" → ["a", "a/b", "a/b/c"]. */
export function categoryTrail(path: string): string[] {
  const parts = path.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}
