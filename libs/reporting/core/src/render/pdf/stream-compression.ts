import { promisify } from 'node:util';
import { deflate, inflate } from 'node:zlib';

/**
 * zlib level of the report's PDF streams: level 1 is several times faster than zlib's default (6)
 * for streams about 20% larger.
 */
export const PDF_DEFLATE_LEVEL = 1;

const deflateAsync = promisify(deflate);
const inflateAsync = promisify(inflate);

/**
 * The last job queued in this thread. Jobs run one at a time: each zlib stream allocates its
 * state (some 300 KB) when it is created, so a part's dozens of streams started at once would
 * hold tens of megabytes, and one pool thread keeps up with the layout anyway.
 */
let queue: Promise<unknown> = Promise.resolve();

function enqueue<T>(job: () => Promise<T>): Promise<T> {
  const done = queue.then(job);
  queue = done.catch(() => undefined);
  return done;
}

/**
 * Deflates on libuv's thread pool: the thread that calls it goes on laying out while the bytes
 * are compressed on another core.
 */
export function deflateOffThread(bytes: Uint8Array): Promise<Buffer> {
  return enqueue(() => deflateAsync(bytes, { level: PDF_DEFLATE_LEVEL }));
}

export function inflateOffThread(bytes: Uint8Array): Promise<Buffer> {
  return enqueue(() => inflateAsync(bytes));
}
