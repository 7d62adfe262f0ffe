/** The path of a case file's page. */
export const casePath = (participantId: string): string => `/cases/${encodeURIComponent(participantId)}`;
