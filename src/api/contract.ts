/**
 * The one place the app learns the server's action table. Type-only: no server code is bundled.
 */
export type {
  ActionName,
  ApiContract,
  Envelope,
  ErrorCode,
  InputOf,
  OutputOf,
  Page,
} from '../../cloudfunctions/api/src/contract';
