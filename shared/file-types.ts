/**
 * The content type of a file of the built renderer, by its extension — one table for the two
 * places that serve it: the app's own scheme in Electron (electron/main/app-protocol.ts) and
 * the browser preview (electron/preview/server.ts).
 */
const RENDERER_FILE_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The content type for a path (by the text after its last dot); unknown files are bytes. */
export function rendererFileType(path: string): string {
  const dot = path.lastIndexOf('.');
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return (dot > slash && RENDERER_FILE_TYPES[path.slice(dot).toLowerCase()]) || 'application/octet-stream';
}
