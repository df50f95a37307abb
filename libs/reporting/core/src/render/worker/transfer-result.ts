import { Piscina } from 'piscina';

/**
 * Byte results leave a piscina worker by transfer, not by copy: structured clone copies a buffer
 * unless it is listed for transfer, which for a large PDF means a second copy in the receiving
 * thread while the worker's copy waits for its garbage collector.
 */

/** `bytes` as a view of a whole ArrayBuffer of its own (transferring a shared pool slab would break other buffers). */
function ownBytes(bytes: Uint8Array): Uint8Array {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return whole ? bytes : new Uint8Array(bytes);
}

/** A worker's return value whose `bytes` are moved to the calling thread. */
export function withMovedBytes<T extends { bytes: Uint8Array }>(value: T): T {
  const bytes = ownBytes(value.bytes);
  const movable = { [Piscina.transferableSymbol]: [bytes.buffer], [Piscina.valueSymbol]: { ...value, bytes } };
  return Piscina.move(movable as never) as unknown as T;
}

/** Bytes moved to the calling thread (see withMovedBytes). */
export function movedBytes(bytes: Uint8Array): Uint8Array {
  return Piscina.move(ownBytes(bytes)) as unknown as Uint8Array;
}
