import { createHmac, hkdfSync } from 'node:crypto';

/** Names what the derived key is for: the pseudonym secret it comes from is never used as is twice. */
const LABEL = 'journey-service/command-id-digest/v1';

/**
 * How a client's `commandId` is kept in the events' metadata: HMAC-SHA256 under a key derived
 * from the deployment's pseudonym secret. A retry still finds its command in the stream (same id,
 * same digest); an id that holds a name (`enrol-ZEBULON-QUAGGA`) is stored as nothing a reader of
 * the file can read back, nor check a guess against without the secret.
 */
export function commandIdDigester(pseudonymSecret: string): (commandId: string) => string {
  const key = Buffer.from(hkdfSync('sha256', pseudonymSecret, Buffer.alloc(0), LABEL, 32));
  return (commandId) => createHmac('sha256', key).update(commandId, 'utf8').digest('base64url');
}
