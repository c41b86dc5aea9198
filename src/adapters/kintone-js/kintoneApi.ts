/**
 * The part of kintone's JavaScript API the plugin uses. The real `kintone` global satisfies it;
 * tests pass a small fake. Entry points hand the global to `register*` functions, so nothing else
 * reads it.
 */
export type KintoneEventHandler = (event: any) => unknown;

export interface KintoneSpaceApi {
  getId(): number | null;
  getHeaderSpaceElement(): HTMLElement | null;
  record: {
    getId(): number | null;
    getSpaceElement(id: string): HTMLElement | null;
  };
}

export interface KintoneApi {
  events: { on(event: string | string[], handler: KintoneEventHandler): void };
  api: {
    (pathOrUrl: string, method: string, params: any): PromiseLike<any>;
    /** The API's URL; with `true`, the guest-space URL when the app is in a guest space. */
    url(path: string, detectGuestSpace?: boolean): string;
  };
  getRequestToken(): string;
  app: KintoneSpaceApi & {
    getHeaderMenuSpaceElement(): HTMLElement | null;
    /** `kintone.app.getPermissions()`: the login user's rights on this app (editApp = app admin). */
    getPermissions?(): PromiseLike<{ addRecord: boolean; editApp: boolean }>;
  };
  mobile: { app: KintoneSpaceApi };
  plugin: {
    app: {
      getConfig(pluginId: string): any;
      setConfig(config: any, callback?: () => void): void;
    };
  };
  getLoginUser(): { code: string; name: string; language: string };
  /** `kintone.user.getGroups()` (newer kintone): the login user's groups, without a REST call. */
  user?: { getGroups?(code?: string): PromiseLike<Array<{ code: string }>> };
}
