const typescriptPrettier = require("@cybozu/eslint-config/flat/presets/typescript-prettier");
const globals = require("globals");

module.exports = [
  {
    ignores: [
      "node_modules/",
      "dist/",
      "plugin/js/",
      ".sandbox/",
      "test-artifacts/",
      "coverage/",
      "types/",
    ],
  },
  ...typescriptPrettier,
  {
    // Prettier runs once, as `prettier --check` in `npm run lint`, not a second time inside ESLint.
    rules: { "prettier/prettier": "off" },
  },
  {
    files: [
      "src/desktop/**",
      "src/mobile/**",
      "src/config/**",
      "src/formbridge/**",
      "src/adapters/kintone-js/**",
      "sandbox/web/**",
    ],
    languageOptions: { globals: { ...globals.browser, kintone: "readonly" } },
  },
  {
    files: ["sandbox/**", "scripts/**", "test/**", "bin/**", "src/cli/**", "*.js"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  {
    files: ["**/*.ts"],
    rules: {
      // tsc checks this better (noImplicitReturns knows when a switch is exhaustive).
      "consistent-return": "off",
    },
  },
  {
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message:
            "User text must reach the DOM as text: use textContent or DOM nodes, never innerHTML.",
        },
      ],
    },
  },
];
