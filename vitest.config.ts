import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The real-gateway suite is opt-in: npm run test:gateway (vitest.gateway.config.ts).
    exclude: [...configDefaults.exclude, "test/gateway/**"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
