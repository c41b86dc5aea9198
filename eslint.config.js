const typescriptPrettier = require("@cybozu/eslint-config/flat/presets/typescript-prettier");
const globals = require("globals");
const { builtinModules } = require("node:module");

/*
 * The layers (README "Layers"), enforced so that a violation fails `npm run lint`:
 * - src/core is pure: no Node modules, no kintone, no DOM, nothing from the other layers;
 * - the browser entries (desktop, mobile, config, formbridge) never import Node modules;
 * - only src/adapters (and the administrator's app builder src/setup) reach kintone: the REST
 *   client and kintone.api are theirs;
 * - the product (src/) never imports the development sandbox;
 * - the record screens (desktop, mobile) never import zod: their bundles have a size budget (issue 16;
 *   test/lint/browserBundles.test.ts follows their imports through the other layers too).
 * - desktop never imports kintone-ui-component (same budget; the settings page keeps it).
 * Each layer's rule lists everything it forbids, since a later block replaces an earlier one.
 */
const NODE_MESSAGE =
  "Node modules stay in the CLI, setup and adapters: this layer also runs in the browser.";
// Bare names exactly ("path", "fs/promises"), so a relative "./process" is not caught.
const NODE_PATHS = builtinModules.map((name) => ({ name, message: NODE_MESSAGE }));
const NODE_MODULES = { group: ["node:*"], message: NODE_MESSAGE };
const SANDBOX = {
  group: ["**/sandbox/**", "**/sandbox"],
  message: "The product never imports the development sandbox (tools/dev runs it).",
};
const REST_CLIENT = {
  group: ["@kintone/rest-api-client", "@kintone/rest-api-client/*"],
  message: "Only src/adapters talks to kintone: take a KintoneClient (or the Program) instead.",
};
const OUTER_LAYERS = {
  group: [
    "**/adapters/**",
    "**/desktop/**",
    "**/mobile/**",
    "**/config/**",
    "**/formbridge/**",
    "**/cli/**",
    "**/setup/**",
    "**/packaging/**",
    "kintone-ui-component",
    "kintone-ui-component/**",
  ],
  message: "src/core is pure: it may import only other core modules (and zod).",
};
const ZOD = {
  group: ["zod", "zod/*"],
  message:
    "Record screens read the saved settings without zod (core/settings/pluginConfigDocument.ts): bundle budget, issue 16.",
};
const KUC = {
  group: ["kintone-ui-component", "kintone-ui-component/*"],
  message:
    "Desktop builds its own controls (src/desktop/dom.ts, dialogs.ts): any kintone-ui-component piece brings its ~7 KB base, over desktop.js's bundle budget (issue 16).",
};
const restricted = (...patterns) => [
  "error",
  { patterns, paths: patterns.includes(NODE_MODULES) ? NODE_PATHS : [] },
];
const KINTONE_API_CALL = {
  selector: "CallExpression[callee.property.name='api'][callee.object.name=/^(k|kintone)$/]",
  message: "Only src/adapters calls kintone.api: go through the Program's client.",
};
const INNER_HTML = {
  selector: "AssignmentExpression[left.property.name='innerHTML']",
  message: "User text must reach the DOM as text: use textContent or DOM nodes, never innerHTML.",
};

module.exports = [
  {
    ignores: ["node_modules/", "dist/", "plugin/js/", ".sandbox/", "test-artifacts/", "coverage/"],
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
    files: ["sandbox/**", "scripts/**", "test/**", "tools/**", "bin/**", "src/cli/**", "*.js"],
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
    rules: { "no-restricted-syntax": ["error", INNER_HTML] },
  },
  {
    files: ["src/**/*.ts"],
    ignores: ["src/adapters/**", "src/setup/**"],
    rules: {
      "no-restricted-imports": restricted(SANDBOX, REST_CLIENT),
      "no-restricted-syntax": ["error", INNER_HTML, KINTONE_API_CALL],
    },
  },
  {
    files: ["src/adapters/**/*.ts", "src/setup/**/*.ts"],
    rules: { "no-restricted-imports": restricted(SANDBOX) },
  },
  {
    files: [
      "src/desktop/**/*.ts",
      "src/mobile/**/*.ts",
      "src/config/**/*.ts",
      "src/formbridge/**/*.ts",
    ],
    rules: { "no-restricted-imports": restricted(SANDBOX, REST_CLIENT, NODE_MODULES) },
  },
  {
    files: ["src/desktop/**/*.ts", "src/mobile/**/*.ts"],
    rules: { "no-restricted-imports": restricted(SANDBOX, REST_CLIENT, NODE_MODULES, ZOD) },
  },
  {
    files: ["src/desktop/**/*.ts"],
    rules: { "no-restricted-imports": restricted(SANDBOX, REST_CLIENT, NODE_MODULES, ZOD, KUC) },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": restricted(SANDBOX, REST_CLIENT, NODE_MODULES, OUTER_LAYERS),
      "no-restricted-globals": [
        "error",
        ...["window", "document", "location", "fetch", "kintone", "navigator", "process"].map(
          (name) => ({ name, message: "src/core is pure: no DOM, network, kintone or process." }),
        ),
      ],
    },
  },
];
