/**
 * Opens a web address outside the app, through the core's checked openExternal. In the browser
 * preview the server cannot open a browser for the page, so the page opens it itself once the
 * check passed. Resolves false when the address was refused.
 */
import { api } from '../api';

export function openOutside(href: string, transport: 'ipc' | 'http' | undefined): Promise<boolean> {
  return api.openExternal(href).then(
    () => {
      if (transport === 'http') window.open(href, '_blank', 'noopener,noreferrer');
      return true;
    },
    () => false,
  );
}
