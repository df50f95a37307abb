import { type DynamicModule, Module } from '@nestjs/common';
import { AUTH_OPTIONS, type AuthOptions } from './auth-options';
import { AuthResolver } from './graphql/auth.resolver';
import { UserAdminResolver } from './graphql/user-admin.resolver';
import { ViewerFieldsResolver } from './graphql/viewer-fields.resolver';

export const AUTH_RESOLVERS = [AuthResolver, UserAdminResolver, ViewerFieldsResolver];

/** Login, the current user, API tokens and user administration. */
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return { module: AuthModule, providers: [{ provide: AUTH_OPTIONS, useValue: options }, ...AUTH_RESOLVERS], exports: [AUTH_OPTIONS] };
  }
}
