import type { Bootstrap } from "../bootstrap";
import { callApi } from "../rest";

/** kintone's limits for plugin settings (set-config page): string values of at most 65,535 characters, 256 KB in all. */
export const MAX_VALUE_LENGTH = 65_535;
export const MAX_CONFIG_BYTES = 256 * 1024;

/** Why kintone would refuse this config, or undefined when it is acceptable. */
export function configProblem(config: unknown): string | undefined {
  if (typeof config !== "object" || config === null || Array.isArray(config)) {
    return "config must be an object whose values are strings";
  }
  let bytes = 0;
  const encoder = new TextEncoder();
  for (const [key, value] of Object.entries(config)) {
    if (typeof value !== "string") return `config value of "${key}" must be a string`;
    if (value.length > MAX_VALUE_LENGTH) {
      return `config value of "${key}" is longer than ${MAX_VALUE_LENGTH} characters`;
    }
    bytes += encoder.encode(key).length + encoder.encode(value).length;
  }
  if (bytes > MAX_CONFIG_BYTES) return `config is larger than ${MAX_CONFIG_BYTES} bytes`;
  return undefined;
}

type ProxyCallback = (body: string, status: number, headers: Record<string, string>) => void;

export function createPluginApi(boot: Bootstrap) {
  const onSettingsPage = boot.page === "config";
  const requireSettingsPage = (name: string) => {
    if (!onSettingsPage)
      throw new Error(`kintone.plugin.app.${name} can be used only on the plug-in settings page`);
  };

  const proxy = (
    pluginId: string,
    url: string,
    method: string,
    headers: Record<string, string> = {},
    data: unknown = {},
    success?: ProxyCallback,
    failure?: (error: unknown) => void,
  ) => {
    const call = callApi<{ body: string; status: number; headers: Record<string, string> }>(
      "/k/v1/sandbox/plugin/proxy",
      "POST",
      { app: boot.appId, pluginId, url, method, headers, data },
    ).then((answer) => [answer.body, answer.status, answer.headers] as const);
    if (!success) return call;
    call.then(([body, status, answerHeaders]) => success(body, status, answerHeaders), failure);
    return undefined;
  };

  return {
    getConfig(pluginId: string): Record<string, string> | null {
      if (typeof pluginId !== "string" || pluginId === "") throw new Error("pluginId is required");
      const config = boot.pluginConfigs[pluginId];
      return config ? { ...config } : {};
    },
    setConfig(config: Record<string, string>, successCallback?: () => void): Promise<void> {
      requireSettingsPage("setConfig");
      const problem = configProblem(config);
      if (problem) throw new Error(problem);
      return callApi("/k/v1/sandbox/plugin/config", "PUT", {
        app: boot.appId,
        pluginId: boot.pluginId,
        config,
      }).then(() => {
        boot.pluginConfigs[boot.pluginId ?? ""] = { ...config };
        if (successCallback) successCallback();
        else window.location.href = `/k/admin/app/${boot.appId}/plugin/`;
      });
    },
    getProxyConfig(url: string, method: string) {
      requireSettingsPage("getProxyConfig");
      const saved = boot.proxyConfigs?.[`${method.toUpperCase()} ${url}`];
      return saved
        ? {
            url,
            method: method.toUpperCase(),
            headers: { ...saved.headers },
            data: { ...saved.data },
          }
        : null;
    },
    setProxyConfig(
      url: string,
      method: string,
      headers: Record<string, string>,
      data: Record<string, string>,
      successCallback?: () => void,
    ): Promise<void> {
      requireSettingsPage("setProxyConfig");
      return callApi("/k/v1/sandbox/plugin/proxy/config", "PUT", {
        app: boot.appId,
        pluginId: boot.pluginId,
        url,
        method: method.toUpperCase(),
        headers,
        data,
      }).then(() => {
        boot.proxyConfigs = {
          ...boot.proxyConfigs,
          [`${method.toUpperCase()} ${url}`]: { headers, data },
        };
        if (successCallback) successCallback();
      });
    },
    proxy,
  };
}
