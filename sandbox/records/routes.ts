/** Registers the records endpoints (`registerRecordRoutes(router, deps)` in sandbox/server.ts). */
import type { ApiHandler, HttpMethod, Router } from "../http/router";
import type { SandboxDeps } from "../server";
import { runBulkRequest } from "./bulk";
import { registerCommentRoutes } from "./comments";
import {
  addRecord,
  addRecords,
  createCursor,
  deleteCursor,
  deleteRecords,
  getRecord,
  getRecords,
  readCursor,
  updateAssignees,
  updateRecord,
  updateRecords,
  updateStatus,
  updateStatuses,
} from "./handlers";
import { createRecordTables } from "./store";

/** The writes bulkRequest may run, keyed `METHOD endpoint`. */
const BULK_HANDLERS = new Map<string, ApiHandler>([
  ["POST record", addRecord],
  ["PUT record", updateRecord],
  ["POST records", addRecords],
  ["PUT records", updateRecords],
  ["DELETE records", deleteRecords],
  ["PUT record/status", updateStatus],
  ["PUT records/status", updateStatuses],
  ["PUT record/assignees", updateAssignees],
]);

export function registerRecordRoutes(router: Router, deps: Pick<SandboxDeps, "db">): void {
  createRecordTables(deps.db);
  router.api("GET", "record", getRecord);
  router.api("GET", "records", getRecords);
  router.api("POST", "records/cursor", createCursor);
  router.api("GET", "records/cursor", readCursor);
  router.api("DELETE", "records/cursor", deleteCursor);
  for (const [key, handler] of BULK_HANDLERS) {
    const [method, endpoint] = key.split(" ") as [HttpMethod, string];
    router.api(method, endpoint, handler);
  }
  router.api("POST", "bulkRequest", (req) => runBulkRequest(req, BULK_HANDLERS));
  registerCommentRoutes(router, deps.db);
}
