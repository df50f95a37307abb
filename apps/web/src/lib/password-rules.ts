/**
 * The password policy as the API applies it (libs/auth/src/password.ts), checked as the user types;
 * the API checks again and its message wins.
 */
export function passwordProblem(password: string): string | null {
  if (password.length < 12) return 'La password deve avere almeno 12 caratteri.';
  if (/^(.)\1+$/.test(password)) return 'La password non può essere un solo carattere ripetuto.';
  return null;
}
