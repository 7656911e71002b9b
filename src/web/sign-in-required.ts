/**
 * Thrown by a page that needs someone signed in (a customer, a staff member); app.ts's onError answers it with a
 * 303 to `location`, the sign-in page that comes back afterwards.
 */
export class SignInRequired extends Error {
  readonly location: string;
  constructor(location: string) {
    super('Sign in required');
    this.location = location;
  }
}
