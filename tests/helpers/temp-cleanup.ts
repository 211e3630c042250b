import { afterAll } from 'vitest';
import { removeTemporaryDirectories } from './temp.js';

// A setup file: runs in every test file, so no file can leave a temp directory behind.
afterAll(() => {
  removeTemporaryDirectories();
});
