/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts?(x)'],
  setupFilesAfterEnv: ['<rootDir>/__tests__/setup/console.ts'],
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      { tsconfig: { jsx: 'react-jsx', module: 'CommonJS', moduleResolution: 'Node10', isolatedModules: true } },
    ],
  },
  // The real @tarojs/taro is an ESM runtime that cannot load under jest: the platform is
  // the package's own simulator, reached through these doubles.
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/__tests__/doubles/taro.ts',
    '^@tarojs/components$': '<rootDir>/__tests__/doubles/components.tsx',
  },
}
