/** How loader diagnostics name a place in a Compose file: `services.web.deploy.replicas`. */
import { formatFieldPath, type FieldPath } from '../diagnostics.js';

export function describePath(path: FieldPath): string {
  return path.length === 0 ? 'the file' : formatFieldPath(path);
}
