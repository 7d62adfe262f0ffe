/** The body of an HTTP error outside GraphQL execution, in the shape GraphQL clients already read. */
export const errorBody = (message: string, code: string, extensions: Record<string, unknown> = {}) => ({
  errors: [{ message, extensions: { code, ...extensions } }],
});
