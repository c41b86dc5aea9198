import { registerConfig } from "./register";

void registerConfig(kintone, kintone.$PLUGIN_ID);
