import { z } from 'zod';

/** An opaque id as the database makes them (a UUID); anything else in an address names no record. */
export const uuidSchema = z.uuid({ error: 'Not a valid id.' });
