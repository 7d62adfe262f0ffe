/** No token, or one that does not verify: the caller is nobody the service knows. */
export class Unauthenticated extends Error {
  override readonly name = 'Unauthenticated';
}

/** A known caller asking for what its role or city does not allow. */
export class Forbidden extends Error {
  override readonly name = 'Forbidden';
}
