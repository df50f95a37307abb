import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@dup/domain';
import { labelled } from '@dup/graphql-kit';

registerEnumType(Role, {
  name: 'Role',
  description: 'Ruolo di un utente.',
  valuesMap: labelled<keyof typeof Role>({
    ADMIN: 'Amministratore',
    PLANNING_OFFICE: 'Ufficio programmazione',
    DEPARTMENT_HEAD: 'Dirigente',
    COUNCIL_MEMBER: 'Consigliere',
    AUDITOR: 'Revisore',
  }),
});

@ObjectType('Viewer', { description: 'Utente autenticato che effettua la richiesta.' })
export class ViewerType {
  @Field(() => ID, { description: 'Identificativo dell\'utente.' }) userId!: string;
  @Field({ description: 'Nome utente.' }) username!: string;
  @Field({ description: 'Nome e cognome.' }) displayName!: string;
  @Field(() => Role, { description: 'Ruolo.' }) role!: Role;
  @Field(() => [String], { description: 'Identificativi dei settori di cui il dirigente risponde.' }) departmentIds!: string[];
  @Field({ description: 'Vero se la richiesta usa un token API in sola lettura.' }) readOnly!: boolean;
}

@ObjectType('LoginResult', { description: 'Esito di un accesso riuscito.' })
export class LoginResultType {
  @Field({ description: 'Token di accesso da inviare come "Authorization: Bearer <token>".' }) accessToken!: string;
  @Field({ description: 'Scadenza del token.' }) expiresAt!: Date;
  @Field(() => ViewerType, { description: 'Utente autenticato.' }) viewer!: ViewerType;
  @Field({
    description: "Token anti-CSRF della sessione del browser: chi usa il cookie di sessione lo invia nell'intestazione X-CSRF-Token di ogni richiesta GraphQL.",
  })
  csrfToken!: string;
}

@ObjectType('ApiToken', { description: 'Token API in sola lettura di un revisore.' })
export class ApiTokenType {
  @Field(() => ID, { description: 'Identificativo del token.' }) id!: string;
  @Field({ description: 'Nome descrittivo.' }) name!: string;
  @Field({ description: 'Creazione.' }) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'Scadenza, se prevista.' }) expiresAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Revoca, se avvenuta.' }) revokedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Ultimo utilizzo (aggiornato al più una volta al minuto).' }) lastUsedAt!: Date | null;
}

@ObjectType('CreatedApiToken', { description: 'Token API appena creato: il segreto è mostrato solo ora.' })
export class CreatedApiTokenType {
  @Field({ description: 'Il token da conservare: non sarà più mostrato.' }) token!: string;
  @Field(() => ApiTokenType, { description: 'Dati del token.' }) apiToken!: ApiTokenType;
}
