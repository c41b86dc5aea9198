/**
 * Where the round stands, counted by kintone: one `totalCount` query per figure (limit 1, only
 * `$id`), plus the form fields (the status field's code) and the views (each figure's link):
 * 12 requests whatever the number of applications.
 */
import {
  FIGURE_KEYS,
  FIGURE_VIEWS,
  type FigureKey,
  figureConditions,
} from "../../core/round/figures";
import { appOf, type Program } from "../program";

export interface RoundFigure {
  count: number;
  /** The saved view listing the same records; undefined when the app has no such view. */
  viewId?: string;
  /** The figure's condition, for a link that narrows the view further. */
  condition: string;
}

export interface RoundOverview {
  figures: Record<FigureKey, RoundFigure>;
  /** Conditions of the figures, for the no-reply button (the same records as its figure). */
  conditions: Record<FigureKey, string>;
}

export class NoProcessManagementError extends Error {
  constructor() {
    super("process management is not enabled on this app");
  }
}

export async function readRoundOverview(program: Program): Promise<RoundOverview> {
  const { client } = program;
  const appId = appOf(program, "applications");
  const [{ properties }, { views }] = await Promise.all([
    program.call(() => client.app.getFormFields({ app: appId })),
    program.call(() => client.app.getViews({ app: appId })),
  ]);
  const codeOfType = (type: string) =>
    Object.values(properties).find((field) => field.type === type)?.code;
  if (!codeOfType("STATUS")) throw new NoProcessManagementError();
  const conditions = figureConditions(
    {
      statusField: program.statusField,
      updatedTimeField: codeOfType("UPDATED_TIME") ?? "更新日時",
      states: program.states,
      field: program.field,
    },
    program.settings.replies,
  );
  const counts = await Promise.all(
    FIGURE_KEYS.map(async (key) => {
      const { totalCount } = await program.call(() =>
        client.record.getRecords({
          app: appId,
          fields: ["$id"],
          query: `${conditions[key]} limit 1`.trim(),
          totalCount: true,
        }),
      );
      return Number(totalCount ?? 0);
    }),
  );
  const figures = Object.fromEntries(
    FIGURE_KEYS.map((key, index) => [
      key,
      {
        count: counts[index] ?? 0,
        viewId: views[FIGURE_VIEWS[key]]?.id,
        condition: conditions[key],
      },
    ]),
  ) as Record<FigureKey, RoundFigure>;
  return { figures, conditions };
}
