/**
 * A byte sequence written in place as it grows: one resizable ArrayBuffer, whose memory is
 * committed as it grows (no doubling, no copies), so a finished file of any size exists once.
 * `toBuffer` hands the bytes over without copying them.
 */
export class GrowingBytes {
  /** Address space reserved by default (only what is written is committed). */
  static readonly MAX_BYTES = 2 ** 31;
  /** Committed in steps of this many bytes. */
  private static readonly STEP = 1 << 20;

  private readonly buffer: ArrayBuffer;
  /** Tracks the buffer's length as it grows. */
  private readonly view: Uint8Array;
  private used = 0;

  constructor(private readonly maxBytes = GrowingBytes.MAX_BYTES) {
    // ES2024 resizable ArrayBuffer (Node 20); the project's TypeScript lib predates its typings.
    this.buffer = new (ArrayBuffer as unknown as new (length: number, options: { maxByteLength: number }) => ArrayBuffer)(0, { maxByteLength: maxBytes });
    this.view = new Uint8Array(this.buffer);
  }

  get length(): number {
    return this.used;
  }

  /**
   * Appends `size` bytes, written by `fill` at the given offset of the returned array (pdf-lib's
   * `copyBytesInto` style), and returns where they start.
   */
  append(size: number, fill: (into: Uint8Array, offset: number) => void): number {
    const start = this.used;
    const end = start + size;
    if (end > this.buffer.byteLength) {
      if (end > this.maxBytes) throw new RangeError(`Il documento supera ${this.maxBytes} byte`);
      resize(this.buffer, Math.min(this.maxBytes, Math.ceil(end / GrowingBytes.STEP) * GrowingBytes.STEP));
    }
    fill(this.view, start);
    this.used = end;
    return start;
  }

  /** Appends Latin-1 text (PDF syntax: short ASCII strings). */
  appendText(text: string): number {
    return this.append(text.length, (into, offset) => {
      for (let i = 0; i < text.length; i++) into[offset + i] = text.charCodeAt(i) & 0xff;
    });
  }

  /** The bytes, as a Buffer over this same memory (trimmed to what was written); the writer is done. */
  toBuffer(): Buffer {
    resize(this.buffer, this.used);
    return Buffer.from(this.buffer, 0, this.used);
  }
}

function resize(buffer: ArrayBuffer, length: number): void {
  (buffer as ArrayBuffer & { resize(length: number): void }).resize(length);
}
