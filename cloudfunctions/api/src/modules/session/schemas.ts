import { emptyInput } from '../../lib/schemaParts';

export const sessionGetInput = emptyInput;
