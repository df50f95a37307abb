export const APP_CONFIG = Symbol('APP_CONFIG');
export const DATABASE_INFO = Symbol('DATABASE_INFO');

export interface DatabaseInfo {
  url: string;
  embedded: boolean;
}
