import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { JsonScalar, LocalDateScalar, PageInfoType } from '@dup/graphql-kit';

@ObjectType('AuditEntry', { description: 'Registrazione del registro delle modifiche (in sola aggiunta): chi, quando, cosa, prima e dopo.' })
export class AuditEntryType {
  @Field(() => ID, { description: 'Identificativo progressivo.' }) id!: string;
  @Field({ description: 'Momento della modifica.' }) occurredAt!: Date;
  @Field({ description: "Nome utente dell'autore, o il nome del processo di sistema." }) actor!: string;
  @Field(() => ID, { nullable: true, description: "Identificativo dell'utente autore, se è un utente." }) actorUserId!: string | null;
  @Field(() => String, { nullable: true, description: "Ruolo dell'autore al momento della modifica." }) actorRole!: string | null;
  @Field({ description: 'Canale: "session" (browser), "jwt" (token di accesso), "api-token:<id>", "cli", "seed".' }) via!: string;
  @Field({ description: 'Operazione, es. SET_GOAL_STATUS.' }) operation!: string;
  @Field({ description: 'Operazione in italiano, es. "Stato di attuazione della finalità".' }) operationLabel!: string;
  @Field({ description: "Tipo dell'entità modificata, es. GoalStatus." }) entityType!: string;
  @Field({ description: "Identificativo dell'entità modificata." }) entityId!: string;
  @Field(() => ID, { nullable: true, description: 'Periodo di rendicontazione interessato, se pertinente.' }) periodId!: string | null;
  @Field(() => JsonScalar, { nullable: true, description: "Stato dell'entità prima della modifica (assente per una creazione)." }) before!: unknown;
  @Field(() => JsonScalar, { nullable: true, description: "Stato dell'entità dopo la modifica." }) after!: unknown;
  @Field(() => String, { nullable: true, description: 'Identificativo della richiesta, per correlare i log.' }) requestId!: string | null;
}

@ObjectType('AuditSubject', { description: "Oggetto della modifica descritto in termini del piano: obiettivo, finalità, indicatore, settore, periodo." })
export class AuditSubjectType {
  @Field(() => String, { nullable: true, description: 'Codice dell\'obiettivo operativo interessato, es. "9.02.22".' }) objectiveCode!: string | null;
  @Field(() => ID, { nullable: true, description: 'Finalità interessata (per gli indicatori: la finalità a cui l\'indicatore è legato).' }) goalId!: string | null;
  @Field(() => Int, { nullable: true, description: "Numero d'ordine della finalità nell'obiettivo operativo." }) goalPosition!: number | null;
  @Field(() => String, { nullable: true, description: 'Titolo della finalità.' }) goalTitle!: string | null;
  @Field(() => ID, { nullable: true, description: 'Indicatore interessato.' }) indicatorId!: string | null;
  @Field(() => String, { nullable: true, description: "Nome dell'indicatore." }) indicatorName!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Codice del settore: il settore del contributo o della revisione; per finalità e indicatori il settore capofila della finalità.',
  })
  departmentCode!: string | null;
  @Field(() => String, { nullable: true, description: 'Nome del settore.' }) departmentName!: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Scadenza del periodo di rendicontazione interessato.' }) periodCutoff!: string | null;
  @Field({ description: 'Descrizione breve in italiano, es. "Finalità 2 dell\'obiettivo 7.01.01 — …", "Periodo al 31/12/2020", "Utente m.rossi".' }) label!: string;
}

@ObjectType('AuditOperation', { description: 'Operazione registrabile nel registro delle modifiche, per il filtro per operazione.' })
export class AuditOperationType {
  @Field({ description: 'Codice stabile, da usare nel filtro (es. SET_GOAL_STATUS).' }) code!: string;
  @Field({ description: 'Descrizione in italiano.' }) label!: string;
}

@ObjectType('AuditEntryEdge', { description: 'Elemento di una pagina del registro delle modifiche.' })
export class AuditEntryEdgeType {
  @Field({ description: 'Cursore opaco di questo elemento.' }) cursor!: string;
  @Field(() => AuditEntryType, { description: 'La registrazione.' }) node!: AuditEntryType;
}

@ObjectType('AuditEntryConnection', { description: 'Pagina del registro delle modifiche (Relay connection).' })
export class AuditEntryConnectionType {
  @Field(() => [AuditEntryEdgeType], { description: 'Elementi della pagina.' }) edges!: AuditEntryEdgeType[];
  @Field(() => PageInfoType, { description: 'Informazioni di paginazione.' }) pageInfo!: PageInfoType;
  @Field(() => Int, { description: 'Numero totale di registrazioni che soddisfano il filtro.' }) totalCount!: number;
}

@InputType('AuditTrailFilter', { description: 'Filtro del registro delle modifiche. Tutti i criteri indicati devono valere insieme.' })
export class AuditTrailFilterInput {
  @Field(() => String, { nullable: true, description: "Nome utente dell'autore." }) user?: string | null;
  @Field(() => String, { nullable: true, description: "Tipo dell'entità, es. GoalStatus, IndicatorResult, ReportingPeriod, User." }) entityType?: string | null;
  @Field(() => String, { nullable: true, description: "Identificativo dell'entità." }) entityId?: string | null;
  @Field(() => String, { nullable: true, description: 'Operazione, es. SET_GOAL_STATUS.' }) operation?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Scadenza del periodo di rendicontazione, es. "2020-12-31".' }) period?: string | null;
  @Field(() => String, { nullable: true, description: "Codice dell'edizione, se più edizioni hanno la stessa scadenza o gli stessi codici di obiettivo." }) edition?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Codice del settore, es. "AMB_MOB": modifiche alle finalità in cui il settore è elencato, agli indicatori degli obiettivi operativi in cui è capofila o coinvolto, ai suoi contributi e alle sue revisioni.',
  })
  department?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Codice di obiettivo strategico (es. "9.02", con i suoi obiettivi operativi) o operativo (es. "9.02.22"): modifiche alle sue finalità e ai suoi indicatori.',
  })
  objectiveCode?: string | null;
  @Field(() => Date, { nullable: true, description: 'Da questo momento (incluso).' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Fino a questo momento (escluso).' }) to?: Date | null;
}
