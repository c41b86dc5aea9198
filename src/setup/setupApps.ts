import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import { type ProgramAppIds, readAppIds, writeAppIds } from "../adapters/appIds";
import { withRetry } from "../adapters/retry";
import type {
  AppDefinition,
  CurrentAppState,
  FieldProperty,
  ProgramAppKey,
  ProgramAppRefs,
} from "../apps/model";
import {
  type AppPlan,
  isEmptyPlan,
  type PlannedChange,
  PLAN_STAGES,
  type PlanStage,
  planApp,
  keyStates,
  type ProcessPlan,
} from "../apps/plan";
import { viewsInAppCodes } from "../apps/applicationViews";
import { SECRETARIAT_GROUP, withSecretariatGroup } from "../apps/permissions";
import { PROGRAM_APP_KEYS, PROGRAM_APP_NAMES, programApps } from "../apps/program";
import type { ApplicationsVariant } from "../apps/staffTableVariant";
import { type DeployOptions, deployAndWait } from "./deploy";

/**
 * `followup setup` against any kintone: finds or creates the three apps, reads their preview
 * settings, writes only what the plan says differs, deploys, and checks that kintone now reports
 * exactly the definitions. A second run reads, finds nothing to do, and writes nothing.
 */

export interface SetupOptions extends DeployOptions {
  /** Where followup.apps.json lives. */
  cwd: string;
  /** The key of the ids file (the target's base URL). */
  baseUrl: string;
  /** The applications app as the program defines it, or a demo variant (see staffTableVariant). */
  variant?: ApplicationsVariant;
  /** The code of the secretariat's group on this domain (default `secretariat`). */
  secretariatGroup?: string;
}

export interface SetupReport {
  appIds: ProgramAppIds;
  /** Apps this run created. */
  created: ProgramAppKey[];
  /** What was written, per app (empty when the app already matched). */
  changes: Record<ProgramAppKey, PlannedChange[]>;
  /**
   * Settings kintone still reports differently after the writes (a kintone that rewrites a value
   * in its own words); empty when the apps match the definitions. A next run would write them again.
   */
  unconverged: string[];
}

/** The apps differ from the definitions in a way setup will not fix alone (e.g. a field's type). */
export class SetupConflictError extends Error {
  constructor(readonly conflicts: string[]) {
    super(
      `既存のフィールドの種類が定義と違うため変更できません。kintone でフィールドを削除するかフィールドコードを変えてから、もう一度実行してください (field types differ; delete or rename these fields first): ${conflicts.join("; ")}`,
    );
    this.name = "SetupConflictError";
  }
}

function isNotFound(error: unknown): boolean {
  const e = error as { code?: string; status?: number };
  return e?.code === "GAIA_AP01" || e?.status === 404;
}

async function appExists(client: KintoneRestAPIClient, app: number): Promise<boolean> {
  try {
    // The preview read also finds an app created by an earlier run that never got deployed.
    await withRetry(() => client.app.getFormFields({ app, preview: true }));
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

async function findByName(client: KintoneRestAPIClient, name: string): Promise<number | undefined> {
  const { apps } = await withRetry(() => client.app.getApps({ name, limit: 100 }));
  const ids = apps.filter((app) => app.name === name).map((app) => Number(app.appId));
  return ids.length ? Math.min(...ids) : undefined;
}

/** The ids file first, then an app of the same name, else a new app. The ids file is written at once. */
async function resolveApps(
  client: KintoneRestAPIClient,
  options: SetupOptions,
): Promise<{ ids: ProgramAppIds; created: ProgramAppKey[] }> {
  const saved = readAppIds(options.cwd, options.baseUrl);
  const ids: Partial<ProgramAppIds> = {};
  const created: ProgramAppKey[] = [];
  for (const key of PROGRAM_APP_KEYS) {
    const savedId = saved?.[key];
    if (savedId && (await appExists(client, savedId))) {
      ids[key] = savedId;
      continue;
    }
    const name = PROGRAM_APP_NAMES[key];
    const found = await findByName(client, name);
    if (found) {
      ids[key] = found;
      continue;
    }
    const { app } = await withRetry(() => client.app.addApp({ name }));
    ids[key] = Number(app);
    created.push(key);
  }
  const all = ids as ProgramAppIds;
  if (PROGRAM_APP_KEYS.some((key) => saved?.[key] !== all[key])) {
    writeAppIds(options.cwd, options.baseUrl, all);
  }
  return { ids: all, created };
}

async function readApp(
  client: KintoneRestAPIClient,
  app: number,
  definition: AppDefinition,
): Promise<CurrentAppState> {
  const [fields, layout, views, process, acl, reports] = await Promise.all([
    withRetry(() => client.app.getFormFields({ app, preview: true })),
    withRetry(() => client.app.getFormLayout({ app, preview: true })),
    withRetry(() => client.app.getViews({ app, preview: true })),
    definition.process
      ? withRetry(() => client.app.getProcessManagement({ app, preview: true }))
      : Promise.resolve({ enable: false, states: null, actions: null }),
    withRetry(() => client.app.getAppAcl({ app, preview: true })),
    definition.reports
      ? withRetry(() => client.app.getReports({ app, preview: true }))
      : Promise.resolve(undefined),
  ]);
  return {
    properties: fields.properties as unknown as Record<string, FieldProperty>,
    layout: layout.layout as CurrentAppState["layout"],
    views: views.views as unknown as CurrentAppState["views"],
    process: process as unknown as CurrentAppState["process"],
    permissions: acl.rights as unknown as CurrentAppState["permissions"],
    ...(reports
      ? { reports: reports.reports as unknown as Record<string, Record<string, unknown>> }
      : {}),
  };
}

type Plans = Record<ProgramAppKey, AppPlan>;
type States = Record<ProgramAppKey, CurrentAppState>;

async function readAll(
  client: KintoneRestAPIClient,
  ids: ProgramAppIds,
  definitions: Record<ProgramAppKey, AppDefinition>,
): Promise<States> {
  const states = await Promise.all(
    PROGRAM_APP_KEYS.map((key) => readApp(client, ids[key], definitions[key])),
  );
  return Object.fromEntries(PROGRAM_APP_KEYS.map((key, index) => [key, states[index]])) as States;
}

function planAll(
  definitions: Record<ProgramAppKey, AppDefinition>,
  states: States,
  stage: PlanStage,
): Plans {
  const plans = Object.fromEntries(
    PROGRAM_APP_KEYS.map((key) => [key, planApp(definitions[key], states[key], stage)]),
  ) as Plans;
  const conflicts = PROGRAM_APP_KEYS.flatMap((key) => plans[key].conflicts);
  if (conflicts.length) throw new SetupConflictError(conflicts);
  return plans;
}

const nothingToDo = (plans: Plans) => PROGRAM_APP_KEYS.every((key) => isEmptyPlan(plans[key]));

/** Sends one app's planned writes, in an order where each refers only to what already exists. */
async function applyPlan(client: KintoneRestAPIClient, app: number, plan: AppPlan): Promise<void> {
  if (Object.keys(plan.updateFields).length) {
    await withRetry(() =>
      client.app.updateFormFields({ app, properties: plan.updateFields as never }),
    );
  }
  if (Object.keys(plan.addFields).length) {
    await withRetry(() => client.app.addFormFields({ app, properties: plan.addFields as never }));
  }
  const { layout, views, process } = plan;
  if (layout) await withRetry(() => client.app.updateFormLayout({ app, layout: layout as never }));
  // Views filter by status, which kintone accepts only once process management is on.
  if (process) await updateProcess(client, app, process);
  const { permissions } = plan;
  if (permissions) {
    await withRetry(() => client.app.updateAppAcl({ app, rights: permissions as never }));
  }
  if (views) await withRetry(() => client.app.updateViews({ app, views: views as never }));
  if (plan.reports) {
    const reports = plan.reports;
    await withRetry(() => client.app.updateReports({ app, reports: reports as never }));
  }
}

/**
 * A state keyed by its current name with a new `name` is renamed (how the first state changes).
 * A new app reports `states: null`: process management is turned on first, so that kintone shows
 * its default states, and the first of them is the one renamed.
 */
async function updateProcess(
  client: KintoneRestAPIClient,
  app: number,
  process: ProcessPlan,
): Promise<void> {
  let states = process.states;
  if (process.firstStateUnknown) {
    await withRetry(() => client.app.updateProcessManagement({ app, enable: true }));
    const now = await withRetry(() => client.app.getProcessManagement({ app, preview: true }));
    states = keyStates(Object.values(process.states), now.states);
  }
  await withRetry(() =>
    client.app.updateProcessManagement({
      app,
      enable: process.enable,
      states: states as never,
      actions: process.actions,
    }),
  );
}

async function applyAndDeploy(
  client: KintoneRestAPIClient,
  ids: ProgramAppIds,
  plans: Plans,
  changes: SetupReport["changes"],
  options: DeployOptions,
): Promise<void> {
  const touched = PROGRAM_APP_KEYS.filter((key) => plans[key].changes.length > 0);
  for (const key of touched) {
    await applyPlan(client, ids[key], plans[key]);
    changes[key].push(...plans[key].changes);
  }
  await deployAndWait(
    client,
    touched.map((key) => String(ids[key])),
    options,
  );
}

export async function setupApps(
  client: KintoneRestAPIClient,
  options: SetupOptions,
): Promise<SetupReport> {
  const { ids, created } = await resolveApps(client, options);
  const refs: ProgramAppRefs = {
    applications: String(ids.applications),
    questionnaires: String(ids.questionnaires),
    lotteryLog: String(ids.lotteryLog),
  };
  const defined = withSecretariatGroup(
    programApps(refs, options.variant),
    options.secretariatGroup ?? SECRETARIAT_GROUP,
  );
  const changes: SetupReport["changes"] = { applications: [], questionnaires: [], lotteryLog: [] };
  let states = await readAll(client, ids, defined);
  // Views name the status and updated-time fields by the codes this app was created with.
  const definitions = {
    ...defined,
    applications: {
      ...defined.applications,
      views: viewsInAppCodes(defined.applications.views, states.applications.properties),
    },
  };
  if (nothingToDo(planAll(definitions, states, "all"))) {
    return { appIds: ids, created, changes, unconverged: [] };
  }
  // Each stage is deployed before the next, so lookups and related records point at deployed fields.
  for (const stage of PLAN_STAGES) {
    const plans = planAll(definitions, states, stage);
    if (nothingToDo(plans)) continue;
    await applyAndDeploy(client, ids, plans, changes, options);
    if (stage !== "all") states = await readAll(client, ids, definitions);
  }
  const check = planAll(definitions, await readAll(client, ids, definitions), "all");
  const unconverged = PROGRAM_APP_KEYS.filter((key) => !isEmptyPlan(check[key])).map(
    (key) => `${PROGRAM_APP_NAMES[key]}: ${check[key].changes.map((c) => c.kind).join(", ")}`,
  );
  return { appIds: ids, created, changes: mergeChanges(changes), unconverged };
}

/** One line per kind of change and app, even when two passes touched the same kind. */
function mergeChanges(changes: SetupReport["changes"]): SetupReport["changes"] {
  const merged = {} as SetupReport["changes"];
  for (const key of PROGRAM_APP_KEYS) {
    const byKind = new Map<PlannedChange["kind"], Set<string>>();
    for (const change of changes[key]) {
      const items = byKind.get(change.kind) ?? new Set<string>();
      change.items.forEach((item) => items.add(item));
      byKind.set(change.kind, items);
    }
    merged[key] = [...byKind].map(([kind, items]) => ({ kind, items: [...items] }));
  }
  return merged;
}
