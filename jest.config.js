/** @type {import('jest').Config} */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
  // NestJS 12 ships ES modules only; Jest on Node 20 loads CommonJS, so those packages are compiled too.
  transform: {
    // The web app's components (Preact's JSX), for specs that read what its forms send.
    '^.+\\.tsx$': [
      '@swc/jest',
      { swcrc: false, jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic', importSource: 'preact' } }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
    '^.+\\.(ts|js|mjs)$': ['@swc/jest'],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@apollo/server|jose|@as-integrations|graphql-ws|uid|file-type|strtok3|token-types|@tokenizer|load-esm|oidc-provider|oauth4webapi|@formatjs|intl-messageformat|preact)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
  testTimeout: 30000,
};
