/**
 * Whether the adviser typed the case's reference to confirm its erasure: the reference as the case
 * file shows it (`PAR-0042`), case and surrounding spaces aside, as it is said on the phone.
 */
export const confirmsErasure = (typed: string, reference: string): boolean => typed.trim().toUpperCase() === reference.toUpperCase();
