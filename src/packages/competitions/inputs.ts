import { formInputs } from '../../components/enrollment/inputs';

/** The engine's small form inputs with this area's classes (`.cmp-chip`, `.cmp-edit-<name>` …). */
export const { Chips, One, Line, When } = formInputs('cmp', 'competitions');
