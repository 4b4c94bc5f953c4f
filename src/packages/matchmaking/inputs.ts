import { formInputs } from '../../components/enrollment/inputs';

/** The engine's small form inputs with this area's classes (`.mm-chip`, `.mm-edit-<name>` …). */
export const { Chips, One, Line, When } = formInputs('mm', 'matchmaking');
