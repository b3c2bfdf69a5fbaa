/** The one-character mark of each object status, shared by the unified and summary renderers. */
import type { ObjectStatus } from '../index.js';
import type { DiffPalette } from './colors.js';

export const STATUS_MARK: Readonly<Record<ObjectStatus, string>> = { added: '+', removed: '-', changed: '~', unchanged: '=' };

/** `~ Deployment shop/api`, coloured by status. */
export function statusLine(status: ObjectStatus, text: string, palette: DiffPalette): string {
  return palette[status](`${STATUS_MARK[status]} ${text}`);
}
