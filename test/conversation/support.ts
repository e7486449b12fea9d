import type { registerUser } from '../helpers/auth';

export type User = Awaited<ReturnType<typeof registerUser>>;

/** A path of the versioned API. */
export const api = (path: string): string => `/api/v1${path}`;

/** The Authorization header of a user. */
export const as = (u: User): { Authorization: string } => ({ Authorization: `Bearer ${u.accessToken}` });

/** The fields of a Message the specs look at. */
export interface Msg {
  id: string;
  role: string;
  content: string;
}
