import { registerDesktop } from "./register";

registerDesktop(kintone, kintone.$PLUGIN_ID);
