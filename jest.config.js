// Jest runs in native ESM mode: NestJS 12 and d3 are ESM-only, and CommonJS jest cannot load them.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true, decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } }, target: 'es2022', keepClassNames: true }, module: { type: 'es6' } }];
const common = {
  transform: { '^.+\\.tsx?$': swc },
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleNameMapper: {
    '^@epiboard/pipelines$': '<rootDir>/pipelines/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  rootDir: '.',
};

// Marks this run, so the privacy sweep looks only at what this run's tests left behind.
process.env.EPIBOARD_TEST_RUN_STARTED ??= String(Date.now());

export default {
  testSequencer: '<rootDir>/jest.sequencer.js',
  projects: [
    { ...common, displayName: 'pipelines', testEnvironment: 'node', testMatch: ['<rootDir>/pipelines/src/**/*.spec.ts'] },
    { ...common, displayName: 'backend-unit', testEnvironment: 'node', testMatch: ['<rootDir>/backend/src/**/*.spec.ts'] },
    // Integration: start the built product as a child process (real Redis, real chDB, real socket.io and Chromium).
    { ...common, displayName: 'integration', testEnvironment: 'node', testMatch: ['<rootDir>/backend/test/**/*.int.spec.ts'] },
    { ...common, displayName: 'frontend', testEnvironment: 'jsdom', testMatch: ['<rootDir>/frontend/src/**/*.spec.tsx', '<rootDir>/frontend/src/**/*.spec.ts'] },
  ],
};
