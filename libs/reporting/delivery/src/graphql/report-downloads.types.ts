import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PeriodState } from '@dup/domain';
import type { ReportScope } from '@dup/reporting';
import type { FrozenFormat } from '../frozen/frozen-store';
import type { ReportPeriod } from '../report-access';

export enum ReportScopeKind {
  FULL = 'FULL',
  MANDATE_LINE = 'MANDATE_LINE',
  DEPARTMENT = 'DEPARTMENT',
}
registerEnumType(ReportScopeKind, {
  name: 'ReportScopeKind',
  description: 'Ambito del rapporto sullo stato di attuazione.',
  valuesMap: {
    FULL: { description: 'Documento completo.' },
    MANDATE_LINE: { description: 'Una linea di mandato.' },
    DEPARTMENT: { description: 'Le finalità di un settore.' },
  },
});

@ObjectType('ReportScope', { description: "Un ambito per cui l'utente può scaricare il rapporto sullo stato di attuazione." })
export class ReportScopeType {
  @Field(() => ReportScopeKind, { description: 'Tipo di ambito.' }) kind!: ReportScopeKind;
  @Field({ description: 'Ambito come va indicato in reportDownloads e nei collegamenti: "completo", "linea-3", "settore-AMB_MOB".' }) ambito!: string;
  @Field({ description: 'Descrizione in italiano, es. "Documento completo", "Linea 3 — La sicurezza come bene comune", "Settore Ambiente e mobilità".' })
  label!: string;
  @Field(() => Int, { nullable: true, description: 'Numero della linea di mandato (solo per una linea).' }) lineNumber!: number | null;
  @Field(() => String, { nullable: true, description: 'Titolo della linea di mandato (solo per una linea).' }) lineTitle!: string | null;
  @Field(() => String, { nullable: true, description: 'Codice del settore (solo per un settore).' }) departmentCode!: string | null;
  @Field(() => String, { nullable: true, description: 'Nome del settore (solo per un settore).' }) departmentName!: string | null;
}

@ObjectType('ReportFileInfo', { description: 'Dati del file generato: dimensione, pagine, data di generazione e dei dati.' })
export class ReportFileInfoType {
  @Field(() => Int, { description: 'Dimensione del file in byte.' }) sizeBytes!: number;
  @Field(() => Int, { nullable: true, description: 'Numero di pagine (solo PDF).' }) pageCount!: number | null;
  @Field({ description: 'Momento della generazione del file (la data stampata nel documento).' }) generatedAt!: Date;
  @Field(() => Date, {
    nullable: true,
    description: 'Ultima modifica dei dati del periodo (stati delle finalità, contributi, risultati degli indicatori); assente se il periodo non ne ha.',
  })
  dataUpdatedAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description: "Impronta SHA-256 (esadecimale) del file congelato all'approvazione: la copia digitale originale. Assente per un periodo non approvato.",
  })
  sha256!: string | null;
}

@ObjectType('ReportDownload', { description: 'Un formato scaricabile del rapporto sullo stato di attuazione.' })
export class ReportDownloadType {
  @Field({ description: 'Formato: pdf, xlsx, html, o zip (pacchetto per Amministrazione trasparente di un periodo approvato).' }) format!: string;
  @Field({ description: 'Percorso di download (GET, con le stesse credenziali della API), es. "/reports/2020-2022/2020-06-30.pdf".' }) url!: string;
  @Field({ description: 'Nome del file, es. "DUP-2020-2022_stato-attuazione_2020-06-30.pdf".' }) fileName!: string;
  @Field({ description: 'Tipo MIME del contenuto.' }) contentType!: string;
  @Field({ description: 'Descrizione del formato.' }) description!: string;
  @Field({ description: 'Vero se la Giunta non ha ancora preso atto del periodo: il documento è una bozza e può cambiare.' }) draft!: boolean;
  @Field(() => PeriodState, { description: 'Stato del periodo di rendicontazione.' }) periodState!: PeriodState;
  @Field({ description: 'Ambito del documento: "completo", "linea-N" o "settore-CODICE".' }) ambito!: string;
  @Field({ description: 'Ambito in italiano, es. "Documento completo", "Linea 3 — …", "Settore Ambiente e mobilità".' }) scopeLabel!: string;
  @Field(() => Int, { description: 'Revisione del periodo a cui il file appartiene (una riapertura crea una nuova revisione).' }) revision!: number;
  @Field({ description: "Vero se il file è quello congelato all'approvazione del Consiglio (gli stessi byte a ogni download)." }) frozen!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'Atto di approvazione della revisione, es. "Approvato con deliberazione del Consiglio Comunale n. 195 del 13/11/2020".',
  })
  approvedBy!: string | null;

  /** What the `file` field renders (not exposed): the viewer was authorized for it by reportDownloads. */
  request!: { editionCode: string; period: string; scope: ReportScope; format: FrozenFormat; revision?: number };
  reportPeriod!: ReportPeriod;
  /** Shared by the formats of one answer, so the period's last change is read once. */
  dataUpdatedAt!: () => Promise<Date | null>;
}
