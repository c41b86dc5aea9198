/**
 * Dual mode for the contract tests: against a fresh sandbox by default, against a real kintone
 * when KINTONE_BASE_URL, KINTONE_USERNAME and KINTONE_PASSWORD point to one. Run on a real domain:
 *
 *   KINTONE_BASE_URL=https://example.cybozu.com KINTONE_USERNAME=… KINTONE_PASSWORD=… \
 *   KINTONE_STAFF_USERNAME=… KINTONE_STAFF_PASSWORD=… KINTONE_VIEWER_USERNAME=… \
 *   KINTONE_VIEWER_PASSWORD=… [KINTONE_SECRETARIAT_GROUP=secretariat] npx jest test/sandbox/permissions.test.ts
 *
 * The administrator creates the tests' apps; the staff user must be in the secretariat group, the
 * viewer in none of the program's groups. kintone has no REST API that deletes an app: at the end
 * the tests delete their records and print the ids of the apps to delete by hand.
 */
import { KintoneRestAPIClient } from "@kintone/rest-api-client";
import { startTestSandbox, type TestSandbox } from "./sandbox";

/** The users the tests act as, named after the sandbox's demo users. */
export type Role = "admin" | "staff1" | "viewer" | "staff_en";

/** On a real kintone: the administrator should use Japanese, `staff_en` English as display language. */
const REMOTE_USERS: Record<Role, [string, string]> = {
  admin: ["KINTONE_USERNAME", "KINTONE_PASSWORD"],
  staff1: ["KINTONE_STAFF_USERNAME", "KINTONE_STAFF_PASSWORD"],
  viewer: ["KINTONE_VIEWER_USERNAME", "KINTONE_VIEWER_PASSWORD"],
  staff_en: ["KINTONE_STAFF_EN_USERNAME", "KINTONE_STAFF_EN_PASSWORD"],
};

/** "remote" when the environment names a kintone to test against. */
export const CONTRACT_MODE: "sandbox" | "remote" =
  process.env.KINTONE_BASE_URL && process.env.KINTONE_USERNAME && process.env.KINTONE_PASSWORD
    ? "remote"
    : "sandbox";

/** A test that needs the sandbox's test-only controls (skipped against a real kintone). */
export const sandboxOnly = CONTRACT_MODE === "sandbox" ? test : test.skip;

export interface ContractTarget {
  mode: typeof CONTRACT_MODE;
  baseUrl: string;
  secretariatGroup: string;
  clientAs(role: Role): KintoneRestAPIClient;
  /** The login name of a role (what kintone's USER entities name). */
  loginName(role: Role): string;
  /** The X-Cybozu-Authorization header of a role, for calls made without the client. */
  passwordHeader(role: Role): string;
  /** Test-only controls; present in sandbox mode only. */
  sandbox?: TestSandbox;
  /** Remembers an app the tests made, to empty it at the end (and name it, on a real kintone). */
  track(app: string | number): void;
  close(): Promise<void>;
}

function credentials(role: Role): [string, string] {
  if (CONTRACT_MODE === "sandbox") return [role, role];
  const [userVar, passwordVar] = REMOTE_USERS[role];
  const user = process.env[userVar];
  const password = process.env[passwordVar];
  if (!user || !password) throw new Error(`set ${userVar} and ${passwordVar} for the ${role} role`);
  return [user, password];
}

export async function startContractTarget(): Promise<ContractTarget> {
  const sandbox = CONTRACT_MODE === "sandbox" ? await startTestSandbox() : undefined;
  const baseUrl = sandbox?.baseUrl ?? String(process.env.KINTONE_BASE_URL).replace(/\/+$/, "");
  const apps = new Set<string>();
  const clientAs = (role: Role) => {
    const [username, password] = credentials(role);
    return new KintoneRestAPIClient({ baseUrl, auth: { username, password } });
  };
  return {
    mode: CONTRACT_MODE,
    baseUrl,
    secretariatGroup: process.env.KINTONE_SECRETARIAT_GROUP || "secretariat",
    clientAs,
    loginName: (role) => credentials(role)[0],
    passwordHeader: (role) => Buffer.from(credentials(role).join(":")).toString("base64"),
    sandbox,
    track: (app) => apps.add(String(app)),
    async close() {
      if (sandbox) {
        await sandbox.close();
        return;
      }
      const admin = clientAs("admin");
      for (const app of apps) {
        // An app never deployed has no records (and no live records API).
        const records = await admin.record
          .getAllRecordsWithId({ app, fields: ["$id"] })
          .catch(() => []);
        await admin.record.deleteAllRecords({
          app,
          records: records.map((r) => ({ id: String(r.$id?.value) })),
        });
      }
      process.stderr.write(
        `contract tests on ${baseUrl}: delete these apps by hand (kintone has no REST API for it): ${[...apps].join(", ")}\n`,
      );
    },
  };
}
