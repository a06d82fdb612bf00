import { defineConfig } from 'vitest/config';

// The gateway serves the build from classpath:public at "/", and the client calls /api and /ws
// on its own origin. `npm run dev` proxies both to a gateway (PARLEY_GATEWAY, default :8080) so
// the dev server behaves like that origin.
const gateway = process.env.PARLEY_GATEWAY ?? 'http://127.0.0.1:8080';

export default defineConfig({
  // Relative asset URLs: the same dist works at "/" and under any sub-path.
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': gateway,
      '/ws': { target: gateway, ws: true },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
