import { issueToken } from '../src/auth/issue-token';
import { ALL_CITIES, type Role } from '../src/auth/principal';
import { JWT_SECRET } from './processes';

export interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** `Authorization` value for a caller of every city. */
export async function bearer(role: Role, sub = `bench-${role}`): Promise<string> {
  return `Bearer ${await issueToken({ secret: JWT_SECRET }, { sub, role, city: ALL_CITIES }, '2h')}`;
}

/** One POST; rejects on an HTTP error or a GraphQL error, so that a broken bench does not pass for a fast one. */
export async function gql<T = Record<string, any>>(url: string, authorization: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLBody<T>;
  if (!response.ok || body.errors || !body.data) {
    throw new Error(`GraphQL request failed (${response.status}): ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  }
  return body.data;
}
