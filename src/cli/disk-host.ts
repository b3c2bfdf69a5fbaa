/**
 * Kept only for src/cli/diff-run.ts, which still imports this name: the real file system is
 * `fileHost` (src/cli/file-host.ts). Remove this file once diff-run.ts imports `fileHost`.
 */
export { fileHost as diskHost } from './file-host.js';
