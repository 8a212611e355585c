// The privacy sweep reads what every other suite left behind, so it runs last.
import Sequencer from '@jest/test-sequencer';

export default class SweepLastSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const isSweep = (t) => t.path.includes('privacy-sweep');
    return [...sorted.filter((t) => !isSweep(t)), ...sorted.filter(isSweep)];
  }
}
