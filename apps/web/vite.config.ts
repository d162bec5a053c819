import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { compression } from "vite-plugin-compression2";

// Dev only: the SPA on http://localhost:<WEB_PORT>, `/api` proxied to the BFF on loopback so the
// browser sees one origin, exactly as in production where the BFF serves `dist` itself.
const webPort = Number(process.env.WEB_PORT ?? 5173);
const bffTarget = `http://127.0.0.1:${process.env.BFF_PORT ?? "3001"}`;

const apiProxy = {
  "/api": {
    target: bffTarget,
    // Keep the browser's Host and Origin: the BFF allows the SPA's origin only.
    changeOrigin: false,
    // Server-Sent Events (`/api/events`) must stream through: nothing here buffers or times out.
    timeout: 0,
    proxyTimeout: 0,
  },
};

export default defineConfig({
  // Each file also as .br and .gz, compressed once here at the highest levels, which the BFF
  // serves to browsers that accept them (ADR 0040): 1.3 MB of JavaScript before the first screen
  // travels as about 0.3 MB, without compressing anything per request.
  plugins: [
    react(),
    compression({
      algorithms: ["brotliCompress", "gzip"],
      exclude: [/manifest\.json$/],
      logLevel: "silent",
    }),
  ],
  server: { host: "127.0.0.1", port: webPort, strictPort: true, proxy: apiProxy },
  preview: { host: "127.0.0.1", port: webPort, strictPort: true, proxy: apiProxy },
  build: {
    // The BFF serves dist under `script-src 'self'`: no inline scripts, no eval.
    modulePreload: { polyfill: false },
    sourcemap: false,
    // dist/.vite/manifest.json: which chunks load eagerly, for the bundle budget (scripts/bundle-size.ts).
    manifest: true,
    // Rolldown decides the chunks (ADR 0014), with one exception: react-router, 30 KB gzip used
    // only by the console, in a chunk of its own beside the console's, which it had filled to
    // its 75 KB budget. Its own dependencies (React) stay where Rolldown puts them, so nothing
    // moves into or out of the initial load.
    rolldownOptions: {
      output: {
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [{ name: "router", test: /[\\/]node_modules[\\/]react-router[\\/]/ }],
        },
      },
    },
  },
});
