import { emptyInput } from '../../lib/schemaParts';

export const orgTreeInput = emptyInput;
