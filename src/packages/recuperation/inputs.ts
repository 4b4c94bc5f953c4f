import { formInputs } from '../../components/enrollment/inputs';

/** The engine's small form inputs with this area's classes (`.rec-chip`, `.rec-edit-<name>` …). */
export const { Chips, One, Line, When } = formInputs('rec', 'recuperation');
