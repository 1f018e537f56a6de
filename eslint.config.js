// Type-aware lint for the sources, scripts and tests: the rules that catch
// real bugs (forgotten or misused promises, unsafe any) rather than matters
// of taste, which Prettier settles.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const nodeGlobals = { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly" };

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "var/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["*.js", "scripts/*.mjs", "scripts/*.cjs", "test/helpers/*.mjs"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Fakes and adapters implement async interfaces without awaiting anything.
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    // Plain JavaScript (the start script, the crash preload) has no types to check.
    files: ["**/*.mjs", "**/*.js", "**/*.cjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: nodeGlobals },
  },
  {
    // The bundle loader is CommonJS: it runs the CommonJS bundle (see scripts/bundle.mjs).
    files: ["**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { ...nodeGlobals, require: "readonly", module: "writable", __dirname: "readonly", setTimeout: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // vitest's asymmetric matchers (expect.stringMatching, expect.any, …) are typed any.
    files: ["test/**/*.ts"],
    rules: { "@typescript-eslint/no-unsafe-assignment": "off", "@typescript-eslint/no-unsafe-argument": "off" },
  },
);
