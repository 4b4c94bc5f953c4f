/**
 * Jest test order: slowest files first, so that the two workers finish together instead of one running the last
 * long file alone. Jest's own order uses the durations of the previous run when it has them (its cache) and the
 * file size otherwise — on a fresh clone (CI) that puts the seat matrices (short files, long runs) last. Here a
 * file without a recorded duration gets the typical duration of its kind instead (seconds of one run on the
 * 2-core machine, December 2026); a new area's files of a known kind sort with their kind.
 */
const Sequencer = require('@jest/test-sequencer').default;

/** [pattern on the path, typical seconds]; the first match wins. */
const TYPICAL = [
  [/tests\/weapp\/pages\.test/, 130],
  [/tests\/weapp\/defects\.test/, 50],
  [/hostile-input\.test/, 90],
  [/seat-matrix-.*\.test/, 60],
  [/interleavings\.test/, 95],
  [/\.e2e\.test/, 30],
  [/\.load\.test/, 25],
  [/tests\/weapp\//, 20],
  [/tests\/integration\//, 15],
  [/tests\/emulator\//, 8],
  [/tests\/build\//, 2],
];

function typicalSeconds(file) {
  const found = TYPICAL.find(([pattern]) => pattern.test(file.replace(/\\/g, '/')));
  return found ? found[1] : 1;
}

class SlowestFirst extends Sequencer {
  sort(tests) {
    for (const test of tests) test.duration = this.time(test) ?? typicalSeconds(test.path) * 1000;
    return [...tests].sort((a, b) => {
      const failedA = this.hasFailed(a);
      if (failedA !== this.hasFailed(b)) return failedA ? -1 : 1; // what failed last time reports first
      return b.duration - a.duration;
    });
  }
}

module.exports = SlowestFirst;
