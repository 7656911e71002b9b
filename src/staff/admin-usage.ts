// Kept apart from the command itself, so that `medstore admin --help` loads nothing else.
export const ADMIN_HELP = `Usage: medstore admin create --email E --password P [--role owner|admin|staff] [--name N]

Creates a staff account that signs in at /admin/login. The role defaults to owner, so the first account
can manage the others. The password needs at least 10 characters and must not be a common one.
`;

/** Thrown for a command line that cannot be run as typed; the CLI exits with status 2. */
export class AdminUsageError extends Error {}
