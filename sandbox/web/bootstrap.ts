/** What the server tells a page when it renders its shell (JSON in `#sandbox-bootstrap`). */
export type PageKind = "login" | "portal" | "index" | "show" | "create" | "config" | "plugins";

export interface LoginUser {
  id: string;
  code: string;
  name: string;
  email: string;
  url: string;
  employeeNumber: string;
  phone: string;
  mobilePhone: string;
  extensionNumber: string;
  timezone: string;
  isGuest: boolean;
  language: string;
}

export interface DirectoryUser {
  code: string;
  name: string;
  groups: string[];
}

export interface PluginSummary {
  id: string;
  name: string;
  description: string;
  /** Whether the plugin's manifest has a settings page. */
  hasConfig: boolean;
  /** Every `required_params` key of the manifest has a saved value. */
  configured: boolean;
}

export interface Bootstrap {
  page: PageKind;
  mobile: boolean;
  lang: "ja" | "en";
  appId?: number;
  /** The guest space of the app, when the page is under `/k/guest/<space>/`. */
  guestSpaceId?: number;
  /** The login user's app permissions (app pages): buttons for what they may not do are hidden. */
  rights?: { add: boolean; edit: boolean; delete: boolean; manage: boolean };
  /** Record id from the query string (mobile pages); desktop pages read it from the hash. */
  recordId?: string;
  loginUser?: LoginUser;
  requestToken?: string;
  /** Plugin configs of the app, for the synchronous `kintone.plugin.app.getConfig`. */
  pluginConfigs: Record<string, Record<string, string>>;
  /** The plugin whose settings page this is. */
  pluginId?: string;
  /** Saved proxy configs of that plugin, keyed `METHOD url` (settings page only). */
  proxyConfigs?: Record<string, { headers: Record<string, string>; data: Record<string, string> }>;
  /** Plugins added to the app (plugin list page). */
  plugins?: PluginSummary[];
  users: DirectoryUser[];
  /** Login page: the path to return to and whether the last attempt failed. */
  redirect?: string;
  loginFailed?: boolean;
}

export function readBootstrap(doc: Document): Bootstrap {
  const node = doc.getElementById("sandbox-bootstrap");
  return JSON.parse(node?.textContent ?? "{}") as Bootstrap;
}
