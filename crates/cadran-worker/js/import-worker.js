// Cadran's import worker (a classic dedicated worker): streams a Blob or File
// through the wasm `Importer` chunk by chunk and posts progress. The message
// protocol is documented at the top of crates/cadran-worker/src/lib.rs.
// Nothing here reads a whole file at once: Blob.stream() gives chunks of
// about 64 KiB, each parsed and dropped.
'use strict';
importScripts('./cadran-worker.js');

const ready = wasm_bindgen({ module_or_path: './cadran-worker_bg.wasm' });
// Bytes of a file's start that the preview (and the import's sniffing) looks at.
const HEAD = 64 * 1024;
const cancelled = new Set();
// One job at a time, in order: a preview asked during an import waits.
let queue = Promise.resolve();

self.onmessage = (e) => {
  const msg = e.data || {};
  if (msg.type === 'cancel') { cancelled.add(msg.id); return; }
  queue = queue.then(() => run(msg)).catch((err) => {
    self.postMessage({ type: 'failed', id: msg.id, message: String(err && err.message || err) });
  });
};

async function run(msg) {
  await ready;
  if (msg.type === 'preview') {
    const head = new Uint8Array(await msg.blob.slice(0, HEAD).arrayBuffer());
    const json = wasm_bindgen.preview(head, msg.options || '{}', msg.rows || 20, msg.blob.size <= HEAD);
    self.postMessage({ type: 'preview', id: msg.id, json });
  } else if (msg.type === 'import') {
    await importBlob(msg);
  }
}

async function importBlob({ id, blob, options }) {
  const started = performance.now();
  const imp = new wasm_bindgen.Importer(options || '{}');
  const total = blob.size;
  let last = 0;
  try {
    const reader = blob.stream().getReader();
    self.postMessage({ type: 'progress', id, done: 0, total });
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (cancelled.has(id)) {
        cancelled.delete(id);
        await reader.cancel();
        self.postMessage({ type: 'cancelled', id });
        return;
      }
      const err = imp.push(value);
      if (err !== undefined) {
        await reader.cancel();
        self.postMessage({ type: 'result', id, json: '{"Err":' + err + '}', ms: performance.now() - started });
        return;
      }
      const now = performance.now();
      if (now - last > 50) {
        last = now;
        self.postMessage({ type: 'progress', id, done: imp.bytes_consumed(), total });
      }
    }
    self.postMessage({ type: 'progress', id, done: total, total });
    self.postMessage({ type: 'result', id, json: imp.finish(), ms: performance.now() - started });
  } finally {
    imp.free();
  }
}
