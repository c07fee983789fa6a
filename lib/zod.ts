import * as z from 'zod/mini';

// Jitless: zod's JIT compiles validators with `new Function`, which extension CSPs and
// web-ext lint reject. Every module in the project takes zod from here.
z.config({ jitless: true });

export { z };
