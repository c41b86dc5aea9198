import { randomBytes } from "node:crypto";
import type { SandboxDb } from "../db/database";

/**
 * A public form as a FormBridge owner sets it up: the kintone app and its API token (FormBridge
 * keeps the token on its server and writes with it), the app fields placed on the form, whether a
 * confirmation screen comes before the answer is sent, and the JavaScript customization file.
 */
export interface FormDefinition {
  code: string;
  appId: number;
  apiToken: string;
  fields: string[];
  confirmScreen: boolean;
  /**
   * `formBridge.fn.setFieldValueError` is seen in public scripts but absent from FormBridge's
   * typings; the sandbox leaves it out unless a test asks for it (see FIDELITY.md).
   */
  fnSetFieldValueError: boolean;
  script: string;
}

function ensureTable(db: SandboxDb): void {
  db.exec(
    "CREATE TABLE IF NOT EXISTS formbridge_forms (code TEXT PRIMARY KEY, definition TEXT NOT NULL)",
  );
}

export function createForm(db: SandboxDb, form: Omit<FormDefinition, "code">): FormDefinition {
  ensureTable(db);
  const definition = { ...form, code: randomBytes(16).toString("hex") };
  db.prepare("INSERT INTO formbridge_forms (code, definition) VALUES (?, ?)").run(
    definition.code,
    JSON.stringify(definition),
  );
  return definition;
}

export function findForm(db: SandboxDb, code: string): FormDefinition | undefined {
  ensureTable(db);
  const row = db.prepare("SELECT definition FROM formbridge_forms WHERE code = ?").get(code) as
    { definition: string } | undefined;
  return row ? (JSON.parse(row.definition) as FormDefinition) : undefined;
}
