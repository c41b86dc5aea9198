/**
 * The one kintone REST client every adapter and screen talks through. Method names and shapes are
 * @kintone/rest-api-client's, narrowed to what the program uses, so the CLI passes a
 * KintoneRestAPIClient as it is (connection.ts) and the browser bundles pass the thin client over
 * `kintone.api` (kintone-js/apiClient.ts), which keeps rest-api-client out of them.
 */
import type { KintoneRecordLike } from "../core/application";

export type AppId = number | string;
export type RecordId = number | string;
export type Revision = number | string;

/** Field code → `{ value }`, as kintone's REST API writes a record. */
export type RecordValues = Record<string, { value: unknown }>;

/** A form field as app/form/fields answers it (only what the program reads). */
export interface FormFieldProperty {
  type: string;
  code: string;
  label: string;
}

/**
 * One request inside a bulkRequest. `endpointName` (never a hard-coded `/k/v1/...` path) lets each
 * client build the path for the app's space, guest spaces included.
 */
export interface BulkRequestItem {
  method: "GET" | "POST" | "PUT" | "DELETE";
  endpointName: "record" | "records" | "record/status" | "records/status" | "record/assignees";
  payload: object;
}

export interface KintoneClient {
  record: {
    getRecord(params: { app: AppId; id: RecordId }): Promise<{ record: KintoneRecordLike }>;
    getRecords(params: {
      app: AppId;
      fields?: string[];
      query?: string;
      totalCount?: boolean;
    }): Promise<{ records: KintoneRecordLike[]; totalCount: string | null }>;
    addRecords(params: {
      app: AppId;
      records: RecordValues[];
    }): Promise<{ ids: string[]; revisions: string[] }>;
    updateRecords(params: {
      app: AppId;
      records: Array<{ id: RecordId; record?: RecordValues; revision?: Revision }>;
    }): Promise<{ records: Array<{ id: string; revision: string }> }>;
    updateRecordStatus(params: {
      app: AppId;
      id: RecordId;
      action: string;
      assignee?: string;
      revision?: Revision;
    }): Promise<{ revision: string }>;
    updateRecordsStatus(params: {
      app: AppId;
      records: Array<{ id: RecordId; action: string; assignee?: string; revision?: Revision }>;
    }): Promise<{ records: Array<{ id: string; revision: string }> }>;
  };
  app: {
    /** Apps by name (a partial match), codes or ids: how a command finds the program's apps. */
    getApps(params: {
      ids?: AppId[];
      codes?: string[];
      name?: string;
      limit?: number;
      offset?: number;
    }): Promise<{ apps: Array<{ appId: string; code: string; name: string }> }>;
    getFormFields(params: {
      app: AppId;
      lang?: "ja" | "en" | "zh" | "user" | "default";
      preview?: boolean;
    }): Promise<{ properties: Record<string, FormFieldProperty>; revision: string }>;
    /** Process management; `lang: "user"` names states and actions in the caller's display language. */
    getProcessManagement(params: {
      app: AppId;
      lang?: "ja" | "en" | "zh" | "user" | "default";
    }): Promise<{
      enable: boolean;
      states: Record<string, { name: string; index: string }> | null;
      actions: Array<{ name: string; from: string; to: string }> | null;
    }>;
    /** The plugins added to an app (app administrators only): the settings page's check of the other apps. */
    getPlugins(params: { app: AppId }): Promise<{
      plugins: Array<{ id: string; name: string; enabled: boolean }>;
    }>;
    /** The app's views by name (the overview panel links each figure to its view). */
    getViews(params: { app: AppId; preview?: boolean }): Promise<{
      views: Record<string, { id: string; name: string; type: string }>;
      revision: string;
    }>;
  };
  file: {
    uploadFile(params: { file: { name: string; data: string } }): Promise<{ fileKey: string }>;
    downloadFile(params: { fileKey: string }): Promise<ArrayBuffer>;
  };
  bulkRequest(params: { requests: BulkRequestItem[] }): Promise<{ results: unknown[] }>;
}
