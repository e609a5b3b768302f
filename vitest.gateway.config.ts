import { defineConfig } from "vitest/config";

// The opt-in suite against real netsvr gateways (npm run test:gateway; README,
// "Real gateways"). Files run one after another: they share the gateways, and
// a gateway spreads events over every business registered for them.
export default defineConfig({
  test: {
    include: ["test/gateway/**/*.test.ts"],
    globalSetup: ["test/gateway/support/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
