import { pathToFileURL } from 'node:url';

/**
 * Node flags that run a TypeScript entry file in a child process. tsx is named by absolute URL, because
 * processes that child starts inherit the flags with another working folder (miniprogram-ci's compiler).
 */
export const TSX_EXEC_ARGV = ['--import', pathToFileURL(require.resolve('tsx')).href];
