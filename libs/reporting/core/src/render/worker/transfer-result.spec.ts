import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { movedBytes, withMovedBytes } from './transfer-result';

/** What piscina does with a worker's return value: the value, posted with its transfer list. */
async function postAsPiscinaDoes(result: unknown): Promise<unknown> {
  const movable = result as Record<symbol, unknown>;
  const value = movable[Piscina.valueSymbol];
  const transferList = movable[Piscina.transferableSymbol] as ArrayBuffer[];
  const { port1, port2 } = new MessageChannel();
  try {
    const received = new Promise((resolve) => port2.once('message', resolve));
    port1.postMessage(value, transferList);
    return await received;
  } finally {
    port1.close();
    port2.close();
  }
}

describe('worker results with moved bytes', () => {
  it('moves a buffer of its own to the receiving thread instead of copying it', async () => {
    const bytes = new Uint8Array(1 << 20).fill(7);
    const result = withMovedBytes({ bytes, pageCount: 3 });
    const received = (await postAsPiscinaDoes(result)) as { bytes: Uint8Array; pageCount: number };
    expect(received.pageCount).toBe(3);
    expect(received.bytes.byteLength).toBe(1 << 20);
    expect(received.bytes[12345]).toBe(7);
    // Transferred: the sender's buffer is detached.
    expect(bytes.byteLength).toBe(0);
  });

  it('copies a view of a shared slab (a small Buffer from Node’s pool) rather than detaching the slab', async () => {
    const small = Buffer.from('%PDF-small');
    const neighbour = Buffer.from('vicino');
    expect(small.buffer.byteLength).toBeGreaterThan(small.length);
    const received = (await postAsPiscinaDoes(movedBytes(small))) as Uint8Array;
    expect(Buffer.from(received).toString('latin1')).toBe('%PDF-small');
    expect(small.toString('latin1')).toBe('%PDF-small');
    expect(neighbour.toString('latin1')).toBe('vicino');
  });
});
