/** A vocabulary (`{ key: label }`, written once in a rules file) as the options of a chooser, in its order. */
export function optionsOf<K extends string>(labels: Record<K, string>): Array<{ key: K; label: string }> {
  return (Object.keys(labels) as K[]).map((key) => ({ key, label: labels[key] }));
}
