#!/usr/bin/env -S node --
// `node --` ends Node's own options: Node 20 otherwise reads `--env-file FILE` anywhere on its command line,
// even after the script (nodejs/node#54232), and exits before shipshape starts when FILE is missing.
// dist/shipshape-cli.js is src/cli/bin.ts bundled by scripts/build.mjs (dist/cli/bin.js unbundled runs the same).
import '../dist/shipshape-cli.js';
