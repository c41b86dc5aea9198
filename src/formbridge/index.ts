import { toLang } from "../core/i18n";
import { defaultProgramSettings } from "../core/settings/programSettings";
import { type FormBridgeApi, registerFormBridge } from "./register";

declare const formBridge: FormBridgeApi;

registerFormBridge(formBridge, {
  settings: defaultProgramSettings(),
  lang: toLang(navigator.language),
  alert: (message) => window.alert(message),
});
