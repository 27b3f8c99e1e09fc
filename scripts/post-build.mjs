// Trunk post-build hook (Trunk.toml [[hooks]] stage = "post_build"), for
// `trunk serve` (scripts/serve.sh): the CSP with the hashes of Trunk's inline
// scripts (its wasm loader and auto-reload script) and the service worker
// listing the build's files, written by the same functions as the release
// build's last step (scripts/csp-sw.mjs). The release bundle is built by
// scripts/build.mjs, not by Trunk.
import { addCsp, writeServiceWorker } from './csp-sw.mjs';

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) throw new Error('post-build.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');
if (process.env.TRUNK_PROFILE === 'release') {
  throw new Error('the release bundle is built by `node scripts/build.mjs` (Trunk would ship an unsplit, unoptimised build)');
}
const scripts = addCsp(stage);
const sw = writeServiceWorker(stage);
console.log(`post-build: CSP with ${scripts} script hash(es); sw.js caches ${sw.files} files as cadran-${sw.build}`);
