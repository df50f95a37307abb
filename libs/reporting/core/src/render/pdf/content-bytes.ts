/**
 * The bytes of one PDF stream as it is written: Latin-1 text, single bytes and numbers appended
 * in place to one growing buffer. pdfkit (and pdfmake through it) writes a page's content as
 * thousands of short operator strings; joining them as strings and converting the result made
 * about a sixth of a report's allocations.
 */
export class ContentBytes {
  private buf: Buffer;
  length = 0;

  constructor() {
    this.buf = spare.pop() ?? Buffer.allocUnsafe(INITIAL_CAPACITY);
  }

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + n));
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }

  /** Appends `s` as Latin-1 (as pdfkit's Buffer.from(s, 'binary')). */
  text(s: string): void {
    const n = s.length;
    this.reserve(n);
    // Short strings (most operators) are copied here: a native call costs more than the loop.
    if (n > 64) this.buf.write(s, this.length, n, 'latin1');
    else for (let i = 0, at = this.length; i < n; i++) this.buf[at + i] = s.charCodeAt(i);
    this.length += n;
  }

  byte(b: number): void {
    this.reserve(1);
    this.buf[this.length++] = b;
  }

  /** Appends `n` rounded to 3 decimals, written as String(Math.round(n * 1000) / 1000) writes it. */
  number(n: number): void {
    let k = Math.round(n * 1000);
    if (!Number.isFinite(k) || Math.abs(k) >= 1e15) {
      this.text(String(k / 1000));
      return;
    }
    this.reserve(24);
    const buf = this.buf;
    let at = this.length;
    if (k < 0) {
      buf[at++] = 45; // '-'
      k = -k;
    }
    const whole = Math.floor(k / 1000);
    let frac = k - whole * 1000;
    // Whole part.
    if (whole === 0) buf[at++] = 48;
    else {
      let digits = 1;
      for (let w = whole; w >= 10; w = Math.floor(w / 10)) digits++;
      for (let d = digits - 1, w = whole; d >= 0; d--, w = Math.floor(w / 10)) buf[at + d] = 48 + (w % 10);
      at += digits;
    }
    if (frac > 0) {
      buf[at++] = 46; // '.'
      let digits = 3;
      while (frac % 10 === 0) {
        frac /= 10;
        digits--;
      }
      for (let d = digits - 1; d >= 0; d--) {
        buf[at + d] = 48 + (frac % 10);
        frac = Math.floor(frac / 10);
      }
      at += digits;
    }
    this.length = at;
  }

  /** The bytes written so far, as a Buffer of their own; the builder starts empty again. */
  take(): Buffer {
    const out = Buffer.allocUnsafe(this.length);
    this.buf.copy(out, 0, 0, this.length);
    this.length = 0;
    return out;
  }

  /** Gives the buffer back for another stream; the builder is not used after. */
  release(): void {
    if (spare.length < MAX_SPARE && this.buf.length <= MAX_SPARE_BYTES) spare.push(this.buf);
    this.buf = EMPTY;
    this.length = 0;
  }
}

const INITIAL_CAPACITY = 64 * 1024;
const MAX_SPARE = 4;
const MAX_SPARE_BYTES = 1 << 20;
const EMPTY = Buffer.alloc(0);
/** Buffers of finished streams, reused by the next ones (a page's content is some tens of KB). */
const spare: Buffer[] = [];
