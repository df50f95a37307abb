import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  AttendanceMode,
  CouncilMemberRole,
  CouncilSessionKind,
  MotionKind,
  MotionOutcome,
  VoteChoice,
  ATTENDANCE_MODE_LABELS,
  COUNCIL_MEMBER_ROLE_LABELS,
  COUNCIL_SESSION_KIND_LABELS,
  MOTION_KIND_LABELS,
  MOTION_OUTCOME_LABELS,
  VOTE_CHOICE_LABELS,
} from '@dup/domain';
import { LocalDateScalar, labelled, listOf } from '@dup/graphql-kit';

registerEnumType(CouncilSessionKind, {
  name: 'CouncilSessionKind',
  description: 'Tipo di seduta del Consiglio.',
  valuesMap: labelled(COUNCIL_SESSION_KIND_LABELS),
});
registerEnumType(CouncilMemberRole, {
  name: 'CouncilMemberRole',
  description: 'Carica del componente del Consiglio nella seduta.',
  valuesMap: labelled(COUNCIL_MEMBER_ROLE_LABELS),
});
registerEnumType(AttendanceMode, {
  name: 'AttendanceMode',
  description: 'Modalità di partecipazione alla seduta.',
  valuesMap: labelled(ATTENDANCE_MODE_LABELS),
});
registerEnumType(MotionKind, { name: 'MotionKind', description: 'Oggetto della votazione.', valuesMap: labelled(MOTION_KIND_LABELS) });
registerEnumType(MotionOutcome, { name: 'MotionOutcome', description: 'Esito proclamato della votazione.', valuesMap: labelled(MOTION_OUTCOME_LABELS) });
registerEnumType(VoteChoice, {
  name: 'VoteChoice',
  description: "Voto espresso dal consigliere nell'appello nominale.",
  valuesMap: labelled(VOTE_CHOICE_LABELS),
});

@ObjectType('CouncilSessionMember', { description: "Componente del Consiglio nell'appello della seduta, presente o assente al momento del voto." })
export class CouncilSessionMemberType {
  @Field(() => ID, { description: 'Identificativo interno.' }) id!: string;
  @Field(() => Int, { description: "Numero d'ordine nell'appello." }) position!: number;
  @Field({ description: 'Nome come riportato dal verbale (cognome e nome).' }) name!: string;
  @Field(() => CouncilMemberRole, { description: 'Carica nella seduta.' }) role!: CouncilMemberRole;
  @Field({ description: 'Presente al momento della votazione.' }) present!: boolean;
  @Field(() => AttendanceMode, { nullable: true, description: 'In aula o in videoconferenza; vuoto se assente o non indicato.' })
  attendanceMode!: AttendanceMode | null;
  @Field({ description: 'Designato scrutatore.' }) teller!: boolean;
}

@ObjectType('CouncilVote', { description: 'Voto di un consigliere su una votazione.' })
export class CouncilVoteType {
  @Field(() => CouncilSessionMemberType, { description: 'Il consigliere.' }) member!: CouncilSessionMemberType;
  @Field(() => VoteChoice, { description: 'Il voto (assente compreso, come nel prospetto del verbale).' }) choice!: VoteChoice;
}

@ObjectType('VoteTotals', { description: 'Risultato della votazione; i votanti sono i favorevoli più i contrari (gli astenuti sono presenti ma non votanti).' })
export class VoteTotalsType {
  @Field(() => Int, { description: 'Totale votanti.' }) voters!: number;
  @Field(() => Int, { description: 'Totale favorevoli.' }) favourable!: number;
  @Field(() => Int, { description: 'Totale contrari.' }) against!: number;
  @Field(() => Int, { description: 'Totale astenuti.' }) abstained!: number;
  @Field(() => Int, { description: 'Consiglieri assenti al momento del voto.' }) absent!: number;
}

@ObjectType('CouncilMotion', { description: 'Votazione della seduta (la deliberazione, la sua immediata eseguibilità, …).' })
export class CouncilMotionType {
  @Field(() => ID, { description: 'Identificativo interno.' }) id!: string;
  @Field(() => Int, { description: 'Ordine della votazione nel verbale.' }) position!: number;
  @Field(() => MotionKind, { description: 'Oggetto della votazione.' }) kind!: MotionKind;
  @Field({ description: 'Che cosa è stato messo ai voti, con le parole del verbale.' }) description!: string;
  @Field(() => MotionOutcome, { description: 'Esito.' }) outcome!: MotionOutcome;
  @Field({ description: "Proclamazione dell'esito come riportata dal verbale." }) outcomeText!: string;
  @Field(() => VoteTotalsType, { description: 'Totali calcolati dai voti nominativi.' }) totals!: VoteTotalsType;
  /** Every vote; the field resolver filters by choice. */
  voteList!: CouncilVoteType[];
}

@ObjectType('CouncilSessionSignatory', { description: 'Firmatario del verbale.' })
export class CouncilSessionSignatoryType {
  @Field({ description: 'Carica come riportata sopra la firma.' }) role!: string;
  @Field({ description: 'Nome.' }) name!: string;
}

@ObjectType('CouncilSession', { description: "Verbale della seduta del Consiglio che ha adottato l'atto: presenze, votazioni nominali, firme." })
export class CouncilSessionType {
  @Field(() => ID, { description: 'Identificativo interno.' }) id!: string;
  @Field(() => LocalDateScalar, { description: 'Data della seduta.' }) heldOn!: string;
  @Field(() => String, { nullable: true, description: 'Ora di inizio (HH:MM).' }) startTime!: string | null;
  @Field(() => CouncilSessionKind, { description: 'Tipo di seduta.' }) kind!: CouncilSessionKind;
  @Field({ description: 'Luogo della seduta, come riportato dal verbale.' }) venue!: string;
  @Field(() => String, { nullable: true, description: 'Partecipazione a distanza consentita e sua base normativa, come riportate dal verbale.' })
  remoteAttendance!: string | null;
  @Field({ description: 'Presidente della seduta.' }) presidentName!: string;
  @Field({ description: 'Carica di chi assiste come segretario.' }) secretaryRole!: string;
  @Field({ description: 'Segretario che assiste alla seduta.' }) secretaryName!: string;
  @Field(() => [CouncilSessionMemberType], { description: 'Appello al momento della votazione, in ordine di numero.', complexity: listOf(40) })
  members!: CouncilSessionMemberType[];
  @Field(() => Int, { description: 'Totale presenti.' }) presentCount!: number;
  @Field(() => Int, { description: 'Totale assenti.' }) absentCount!: number;
  @Field(() => [CouncilMotionType], { description: 'Votazioni, in ordine.', complexity: listOf(3) }) motions!: CouncilMotionType[];
  @Field(() => [CouncilSessionSignatoryType], { description: 'Firmatari del verbale, in ordine.', complexity: listOf(2) })
  signatories!: CouncilSessionSignatoryType[];
}
