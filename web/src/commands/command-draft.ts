import type { FormValues } from './form-spec';

/**
 * A form being filled, kept in the tab's sessionStorage per case and action: a reload, or signing
 * in again after the session ended, comes back to what was typed, with the same commandId (so a
 * command sent before is not recorded twice) and the version of the case the adviser saw.
 */
export interface CommandDraft {
  values: FormValues;
  /** Made once per filled form (crypto.randomUUID()), kept until the command is recorded or dropped. */
  commandId: string;
  /** The case's version when the adviser first read it (null when enrolling): sent as expectedVersion. */
  versionSeen: number | null;
  /** An enrolment's participant id, chosen by the form so that a retry cannot enrol twice. */
  participantId?: string;
  /**
   * The exact input of a send whose outcome is unknown (no answer came), kept from the moment it is
   * sent: the fields stay frozen and only this input is sent again, since the service dedupes on the
   * commandId alone and would silently drop an edit if the first send was recorded.
   */
  sent?: Record<string, unknown>;
}

/**
 * The storage key of a draft: who typed it (the session's user, so that another person signing in
 * at the same tab never gets it), the case (`new` when enrolling) and the form's action (with its
 * milestone, for one).
 */
export const draftKey = (user: string, caseId: string | null, action: string): string =>
  `command-draft:${encodeURIComponent(user)}:${caseId ?? 'new'}:${action}`;

/** The draft kept under a key, or null (none, or unreadable). */
export function readDraft(key: string): CommandDraft | null {
  try {
    const kept = JSON.parse(sessionStorage.getItem(key) ?? 'null') as CommandDraft | null;
    return kept && typeof kept.commandId === 'string' && typeof kept.values === 'object' ? kept : null;
  } catch {
    return null;
  }
}

export const keepDraft = (key: string, draft: CommandDraft): void => sessionStorage.setItem(key, JSON.stringify(draft));

export const dropDraft = (key: string): void => sessionStorage.removeItem(key);
