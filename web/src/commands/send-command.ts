import { api } from '../api/client';
import { commandDocument } from '../api/command-documents';

/** What every command answers: the case's id and its version after the command. */
export interface CommandAnswer {
  id: string;
  version: number;
}

/** Sends one command's mutation; its error (urql's CombinedError) is thrown. */
export async function sendCommand(mutation: string, inputType: string, input: Record<string, unknown>): Promise<CommandAnswer> {
  const result = await api.mutation<Record<string, CommandAnswer>>(commandDocument(mutation, inputType), { input }).toPromise();
  if (result.error) throw result.error;
  return result.data![mutation]!;
}
