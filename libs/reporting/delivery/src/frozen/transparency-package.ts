import JSZip from 'jszip';
import { formatDate, renderOpenData, type ReportModel } from '@dup/reporting';
import { sha256Hex, type FrozenFile } from './frozen-store';

export const LICENCE = {
  nome: 'Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)',
  codice: 'CC-BY-4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.it',
};

export interface PackageInput {
  /** The model of the approved report: its datasets become the CSV and JSON files. */
  model: ReportModel;
  /** The frozen PDF, xlsx and HTML of the same revision. */
  renditions: FrozenFile[];
  revision: number;
  /** "Approvato con deliberazione del Consiglio Comunale n. 195 del 13/11/2020". */
  approvalLine: string;
  approvedBy: FrozenFile['approvedBy'];
}

/**
 * The transparency package of an approved period ("Amministrazione trasparente"): the frozen
 * renditions, the open data (CSV and JSON) and `metadati.json` with title, ente, period,
 * approving act, licence and the SHA-256 of every other file; `SHA256SUMS` repeats the hashes
 * in the format `sha256sum -c` reads. Entries carry the act's date, so the bytes depend only on
 * the content.
 */
export async function buildTransparencyPackage(input: PackageInput): Promise<Buffer> {
  const { model } = input;
  const files = [...input.renditions.map((r) => ({ name: r.fileName, bytes: r.bytes })), ...renderOpenData(model)];
  const metadata = {
    titolo: `${model.meta.title} – pacchetto per Amministrazione trasparente`,
    ente: model.meta.enteName,
    edizione: model.meta.editionCode,
    periodo: model.meta.periodLabel,
    periodoIso: model.meta.periodCutoff,
    revisione: input.revision,
    attoDiApprovazione: {
      descrizione: input.approvalLine,
      organo: input.approvedBy.body,
      tipo: input.approvedBy.kind,
      numero: input.approvedBy.number,
      data: formatDate(input.approvedBy.date),
    },
    licenza: LICENCE,
    file: files.map((f) => ({ nome: f.name, byte: f.bytes.length, sha256: sha256Hex(f.bytes) })),
  };
  const zip = new JSZip();
  const date = new Date(`${input.approvedBy.date}T12:00:00Z`);
  for (const f of files) zip.file(f.name, f.bytes, { date });
  zip.file('metadati.json', `${JSON.stringify(metadata, null, 1)}\n`, { date });
  zip.file('SHA256SUMS', metadata.file.map((f) => `${f.sha256}  ${f.nome}\n`).join(''), { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}
