/**
 * The one place the app learns the server's action table. Type-only: no server code is bundled.
 */
export type { ApiContract } from '../../cloudfunctions/api/src/contract';
