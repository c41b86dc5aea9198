import { toLang } from "../core/i18n";
import { defaultProgramSettings, parseProgramSettings } from "../core/settings/programSettings";
import { type FormBridgeApi, registerFormBridge } from "./register";

/** FormBridge provides this global on the form page (its customize API). */
declare const formBridge: FormBridgeApi;
/** Set by the build (webpack.config.js): the settings document it was built with, or null. */
declare const __FORMBRIDGE_BUILD__: { builtAt: string; settings: unknown };

registerFormBridge(formBridge, {
  settings:
    __FORMBRIDGE_BUILD__.settings === null
      ? defaultProgramSettings()
      : parseProgramSettings(__FORMBRIDGE_BUILD__.settings),
  lang: toLang(navigator.language),
  alert: (message) => window.alert(message),
});
