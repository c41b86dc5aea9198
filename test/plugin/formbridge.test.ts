import {
  checkSubmission,
  registerFormBridge,
  type FormBridgeContext,
} from "../../src/formbridge/register";
import { defaultProgramSettings } from "../../src/core/settings/programSettings";
import { validApplicationValues } from "./support/applications";

function context(values: Record<string, unknown>) {
  const record = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }]));
  const errors = new Map<string, string | null>();
  const ctx: FormBridgeContext & { prevented: boolean } = {
    prevented: false,
    getRecord: () => record,
    setFieldValueError: (code, message) => errors.set(code, message),
    preventDefault() {
      ctx.prevented = true;
    },
  };
  return { ctx, errors };
}

const formValues = (overrides: Record<string, unknown> = {}) => {
  const {
    application_no,
    applied_at,
    eligibility,
    eligibility_notes,
    lottery_result,
    lottery_rank,
    waitlist_no,
    participation_intent,
    visit_date,
    expert_name,
    ...form
  } = validApplicationValues(overrides);
  return form;
};

const options = {
  settings: defaultProgramSettings(),
  lang: "ja" as const,
  alert: jest.fn(),
  now: () => new Date("2024-07-20T00:00:00Z"),
};

describe("FormBridge script", () => {
  it("blocks a submission with each rule's message on its field", () => {
    const { ctx, errors } = context(formValues({ postal_code: "12", consent_survey: [] }));
    expect(checkSubmission(ctx, options)).toBe(false);
    expect(ctx.prevented).toBe(true);
    expect(errors.get("postal_code")).toMatch(/郵便番号/);
    expect(errors.get("consent_survey")).toMatch(/./);
    expect(errors.get("company_name")).toBeNull();
  });

  it("lets a valid submission (warnings included) through", () => {
    const { ctx } = context(formValues({ address: "大阪府大阪市1-1" }));
    expect(checkSubmission(ctx, options)).toBe(true);
    expect(ctx.prevented).toBe(false);
  });

  it("says a closed window in an alert, since the receipt time is not on the form", () => {
    const alert = jest.fn();
    const { ctx } = context(formValues());
    checkSubmission(ctx, { ...options, alert, now: () => new Date("2024-08-09T08:00:01Z") });
    expect(ctx.prevented).toBe(true);
    expect(alert).toHaveBeenCalledWith(expect.stringMatching(/./));
  });

  it("registers on confirm and submit", () => {
    const on = jest.fn();
    registerFormBridge({ events: { on } }, options);
    expect(on.mock.calls.map((c) => c[0])).toEqual(["form.confirm", "form.submit"]);
  });
});
