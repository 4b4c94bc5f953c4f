/** Valid example inputs of the area's actions, for the hostile-input test (see ../../examples.ts). */
import type { AreaExamples } from '../../examples';

export const examples: AreaExamples<'card'> = {
  inputs: {
    'card.get': {},
    'card.token': {},
    'card.verify': { token: 'abc.def' },
    'card.tokens': {},
    'card.benefits': {},
  },
};
