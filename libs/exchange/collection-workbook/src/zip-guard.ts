import JSZip from 'jszip';
import { fileRejection } from './import-problems';

/** Bounds of an uploaded workbook; a real department workbook is a few hundred KB. */
export const COLLECTION_LIMITS = {
  /** Bytes of the uploaded file. */
  maxFileBytes: 10 * 1024 * 1024,
  /** Bytes of all its parts once decompressed. */
  maxUncompressedBytes: 60 * 1024 * 1024,
  /** Parts (zip entries) of the file. */
  maxEntries: 200,
  /** Decompressed over compressed size of the whole file: an xlsx is 5–20 times; bombs are thousands. */
  maxRatio: 200,
};

const REQUIRED_PARTS = ['[Content_Types].xml', 'xl/workbook.xml'];

/**
 * Checks an upload is an xlsx of sane size before any spreadsheet parser sees it: a zip, with
 * the parts of a workbook, whose content really decompresses within the limits. Each part is
 * decompressed as a stream and counted, so a part that lies about its size in the zip
 * directory is stopped as soon as it exceeds them.
 */
export async function guardWorkbookZip(bytes: Uint8Array, limits = COLLECTION_LIMITS): Promise<void> {
  if (bytes.length > limits.maxFileBytes) {
    throw fileRejection('TOO_LARGE', `Il file è troppo grande: ${megabytes(bytes.length)} MB, al massimo ${megabytes(limits.maxFileBytes)} MB.`);
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw fileRejection('NOT_XLSX', 'Il file non è una cartella di lavoro Excel (.xlsx): caricare il file scaricato dalla raccolta, salvato in formato .xlsx.');
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw fileRejection('NOT_XLSX', 'Il file è danneggiato o non è un file .xlsx valido: salvarlo di nuovo in formato .xlsx e riprovare.');
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  if (entries.length > limits.maxEntries)
    throw fileRejection('ZIP_BOMB', `Il file contiene ${entries.length} parti, più di quante ne abbia una cartella di raccolta: rifiutato.`);
  for (const part of REQUIRED_PARTS) {
    if (!zip.files[part]) throw fileRejection('NOT_XLSX', 'Il file è un archivio compresso ma non una cartella di lavoro Excel (.xlsx).');
  }
  const budget = Math.min(limits.maxUncompressedBytes, bytes.length * limits.maxRatio);
  let total = 0;
  for (const entry of entries) {
    total += await countDecompressed(entry, budget - total);
  }
}

const megabytes = (n: number) => (n / 1024 / 1024).toLocaleString('it-IT', { maximumFractionDigits: 1 });

/** Bytes of one part, decompressed as a stream; rejects once `budget` is exceeded. */
function countDecompressed(entry: JSZip.JSZipObject, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let count = 0;
    let stream: NodeJS.ReadableStream;
    try {
      stream = entry.nodeStream('nodebuffer');
    } catch {
      reject(fileRejection('NOT_XLSX', `Il file è danneggiato (parte "${entry.name}" illeggibile): salvarlo di nuovo in formato .xlsx.`));
      return;
    }
    stream.on('data', (chunk: Buffer) => {
      count += chunk.length;
      if (count > budget) {
        // Stop decompressing: paused, the stream's buffer fills and JSZip stops feeding it.
        stream.removeAllListeners();
        stream.pause();
        reject(fileRejection('ZIP_BOMB', 'Il file si espande a dimensioni anomale una volta decompresso (possibile "zip bomb"): rifiutato.'));
      }
    });
    stream.on('error', () =>
      reject(fileRejection('NOT_XLSX', `Il file è danneggiato (parte "${entry.name}" illeggibile): salvarlo di nuovo in formato .xlsx.`)),
    );
    stream.on('end', () => resolve(count));
  });
}
