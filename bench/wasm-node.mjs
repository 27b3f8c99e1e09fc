// The import worker's wasm Importer on FILE in 64 KiB chunks, in node (no browser, no
// worker): for a CPU profile (`node --cpu-prof`, with a build that keeps its names) or
// for counting the instructions V8's code runs (callgrind; see bench/README.md).
//
//   node bench/wasm-node.mjs WEBDIR FILE [runs]   (WEBDIR as for bench/ab.mjs)
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
const [dir, file, runs = '1'] = process.argv.slice(2);
(0, eval)(readFileSync(dir + '/cadran-worker.js', 'utf8') + '\nglobalThis.wb = wasm_bindgen;');
globalThis.wb.initSync({ module: readFileSync(dir + '/cadran-worker_bg.wasm') });
const data = readFileSync(file);
const times = [];
let out = '';
for (let r = 0; r < Number(runs); r++) {
  const t = performance.now();
  const imp = new globalThis.wb.Importer('{}');
  for (let i = 0; i < data.length; i += 65536) {
    const err = imp.push(data.subarray(i, Math.min(i + 65536, data.length)));
    if (err !== undefined) throw new Error(err);
  }
  out = imp.finish();
  imp.free();
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(`${file.split('/').pop()}: ${JSON.parse(out).Ok ? 'ok' : 'ERR'} sha ${createHash('sha256').update(out).digest('hex').slice(0, 12)} min ${times[0].toFixed(0)} ms median ${times[times.length >> 1].toFixed(0)} ms (${(data.length / 1e6 / (times[0] / 1e3)).toFixed(0)} MB/s at min)`);
