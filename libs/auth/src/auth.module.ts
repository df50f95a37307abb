import { type DynamicModule, Module } from '@nestjs/common';
import { AUTH_OPTIONS, type AuthOptions } from './auth-options';
import { AuthResolver } from './graphql/auth.resolver';

export const AUTH_RESOLVERS = [AuthResolver];

/** Login, the current user, API tokens and user administration. */
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return { module: AuthModule, providers: [{ provide: AUTH_OPTIONS, useValue: options }, ...AUTH_RESOLVERS], exports: [AUTH_OPTIONS] };
  }
}
