// What webpack.config.js bakes into the plugin bundles (DefinePlugin): the default settings
// document as JSON, which record screens read without zod (src/adapters/kintone-js/session.ts).
import { defaultPluginConfig } from "../../src/core/settings/pluginConfig";

(globalThis as { __DEFAULT_PLUGIN_CONFIG__?: string }).__DEFAULT_PLUGIN_CONFIG__ =
  JSON.stringify(defaultPluginConfig());
