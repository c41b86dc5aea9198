import { registerConfig } from "./register";

registerConfig(kintone, kintone.$PLUGIN_ID).catch((error: unknown) => {
  console.error("followup plugin settings:", error);
});
