import { formInputs } from '../../components/enrollment/inputs';

/** The engine's small form inputs with this area's classes (`.competitions-chip`, `.competitions-edit-<name>` …). */
export const { Chips, One, Line, When } = formInputs('competitions', 'competitions');
