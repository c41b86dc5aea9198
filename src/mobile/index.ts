import { registerMobile } from "./register";

registerMobile(kintone, kintone.$PLUGIN_ID);
