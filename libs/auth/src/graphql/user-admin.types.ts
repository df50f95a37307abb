import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Role } from '@dup/domain';

@ObjectType('UserDepartment', { description: 'Settore di cui un dirigente risponde.' })
export class UserDepartmentType {
  @Field({ description: 'Codice del settore, es. "AMB_MOB".' }) code!: string;
  @Field({ description: 'Nome del settore.' }) name!: string;
}

@ObjectType('User', { description: "Utente dell'ente." })
export class UserType {
  @Field(() => ID, { description: 'Identificativo.' }) id!: string;
  @Field({ description: 'Nome utente.' }) username!: string;
  @Field({ description: 'Nome e cognome.' }) displayName!: string;
  @Field(() => Role, { description: 'Ruolo.' }) role!: Role;
  @Field({ description: "Vero se l'utente può accedere." }) active!: boolean;
  @Field(() => [String], { description: 'Codici dei settori (solo dirigenti).' }) departmentCodes!: string[];
  @Field(() => [UserDepartmentType], { description: 'Settori di cui il dirigente risponde, per codice (vuoto per gli altri ruoli).' }) departments!: UserDepartmentType[];
  @Field({ description: "Creazione dell'utente." }) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'Ultimo accesso riuscito; assente se non ha mai effettuato l\'accesso.' }) lastLoginAt!: Date | null;
  @Field({ description: "Vero se la password è stata reimpostata dall'amministratore: l'utente deve sceglierne una nuova al prossimo accesso." })
  mustChangePassword!: boolean;
}

@InputType('CreateUserInput', { description: 'Dati di un nuovo utente.' })
export class CreateUserInput {
  @Field({ description: 'Nome utente (minuscole, cifre, punto, trattino).' }) username!: string;
  @Field({ description: 'Nome e cognome.' }) displayName!: string;
  @Field(() => Role, { description: 'Ruolo.' }) role!: Role;
  @Field({ description: 'Password iniziale (almeno 12 caratteri).' }) password!: string;
  @Field(() => [String], { nullable: true, description: 'Codici dei settori, obbligatori per i dirigenti.' }) departmentCodes?: string[] | null;
}
