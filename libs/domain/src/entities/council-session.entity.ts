import { Check, Entity, Enum, ManyToOne, OneToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { AttendanceMode, CouncilMemberRole, CouncilSessionKind, MotionKind, MotionOutcome, VoteChoice } from '../enums';
import { Act } from './act.entity';
import { TenantEntity } from './base.entity';

/**
 * The minutes of the council session that adopted an act (the "estratto dal processo verbale"
 * printed before the approved document): when and how it met, who chaired and who attended,
 * what was voted and how each member voted, who signed. Names are kept as the minutes print them.
 */
@Entity({ tableName: 'council_session' })
@Check({ name: 'council_session_start_time_check', expression: `start_time is null or start_time ~ '^[0-2][0-9]:[0-5][0-9]$'` })
export class CouncilSession extends TenantEntity {
  /** The act adopted in this session; one record per act. */
  @OneToOne(() => Act, { ref: true, owner: true, deleteRule: 'cascade', unique: true })
  act!: Ref<Act>;

  @Property({ type: 'date' })
  heldOn!: string;

  /** `HH:MM`, when the minutes say. */
  @Property({ type: 'text', nullable: true })
  startTime?: string;

  @Enum({ items: () => CouncilSessionKind })
  kind!: CouncilSessionKind;

  /** Where it met, as written ("nella residenza comunale di Livorno nella sala delle adunanze"). */
  @Property({ type: 'text' })
  venue!: string;

  /** How remote attendance was allowed, as written ("in parziale videoconferenza mediante …"), if it was. */
  @Property({ type: 'text', nullable: true })
  remoteAttendance?: string;

  @Property({ type: 'text' })
  presidentName!: string;

  /** "Segretario Generale", or who stood in for the secretary. */
  @Property({ type: 'text' })
  secretaryRole!: string;

  @Property({ type: 'text' })
  secretaryName!: string;
}

/** A member of the council in the roll call: present or absent when the votes were taken. */
@Entity({ tableName: 'council_session_member' })
@Unique({ properties: ['session', 'position'] })
@Unique({ properties: ['session', 'name'] })
@Check({ name: 'council_session_member_mode_check', expression: 'present or attendance_mode is null' })
@Check({ name: 'council_session_member_position_check', expression: 'position > 0' })
export class CouncilSessionMember extends TenantEntity {
  @ManyToOne(() => CouncilSession, { ref: true, deleteRule: 'cascade' })
  session!: Ref<CouncilSession>;

  /** The "N." of the roll-call table. */
  @Property({ type: 'integer' })
  position!: number;

  /** As the roll-call table prints it, surname first ("CARUSO PIETRO"). */
  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => CouncilMemberRole })
  role!: CouncilMemberRole;

  @Property({ type: 'boolean' })
  present!: boolean;

  /** In the hall or by videoconference; null for an absent member or when the minutes do not say. */
  @Enum({ items: () => AttendanceMode, nullable: true })
  attendanceMode?: AttendanceMode;

  /** Designated as a teller (scrutatore). */
  @Property({ type: 'boolean' })
  teller!: boolean;
}

/** Something the council voted on in the session, with its proclaimed outcome. */
@Entity({ tableName: 'council_motion' })
@Unique({ properties: ['session', 'position'] })
@Check({ name: 'council_motion_position_check', expression: 'position > 0' })
export class CouncilMotion extends TenantEntity {
  @ManyToOne(() => CouncilSession, { ref: true, deleteRule: 'cascade' })
  session!: Ref<CouncilSession>;

  /** Order of the votes in the minutes. */
  @Property({ type: 'integer' })
  position!: number;

  @Enum({ items: () => MotionKind })
  kind!: MotionKind;

  /** What was put to the vote, as the minutes say it. */
  @Property({ type: 'text' })
  description!: string;

  @Enum({ items: () => MotionOutcome })
  outcome!: MotionOutcome;

  /** The proclamation as printed ("la delibera relativa all'oggetto è approvata"). */
  @Property({ type: 'text' })
  outcomeText!: string;
}

/** One member's vote on one motion (absent members included, as the roll-call table lists them). */
@Entity({ tableName: 'council_vote' })
@Unique({ properties: ['motion', 'member'] })
export class CouncilVote extends TenantEntity {
  @ManyToOne(() => CouncilMotion, { ref: true, deleteRule: 'cascade' })
  motion!: Ref<CouncilMotion>;

  @ManyToOne(() => CouncilSessionMember, { ref: true, deleteRule: 'cascade', index: true })
  member!: Ref<CouncilSessionMember>;

  @Enum({ items: () => VoteChoice })
  choice!: VoteChoice;
}

/** Who signed the minutes, in the order printed ("Il Presidente del Consiglio", "Pietro Caruso"). */
@Entity({ tableName: 'council_session_signatory' })
@Unique({ properties: ['session', 'position'] })
export class CouncilSessionSignatory extends TenantEntity {
  @ManyToOne(() => CouncilSession, { ref: true, deleteRule: 'cascade' })
  session!: Ref<CouncilSession>;

  @Property({ type: 'integer' })
  position!: number;

  /** The office as printed above the name. */
  @Property({ type: 'text' })
  role!: string;

  @Property({ type: 'text' })
  name!: string;
}
