/**
 * The FormBridge script against FormBridge's documented customize API: each event's context has
 * only the members FormBridge's typings list (built by the sandbox's FormBridge page, the same code
 * the browser test runs), and `formBridge.fn.setFieldValueError` is there only when a test says so.
 */
import {
  checkFieldChange,
  checkSubmission,
  type FormBridgeApi,
  type FormRecord,
  registerFormBridge,
} from "../../src/formbridge/register";
import { APPLICANT_FORM_FIELDS } from "../../src/formbridge/formFields";
import { defaultProgramSettings } from "../../src/core/settings/programSettings";
import { contextFor, isKnownEvent } from "../../sandbox/web/formbridge/events";
import { validApplicationValues } from "./support/applications";

function answer(overrides: Record<string, unknown> = {}): FormRecord {
  const values = validApplicationValues(overrides);
  return Object.fromEntries(
    APPLICANT_FORM_FIELDS.map((code) => [code, { type: "SINGLE_LINE_TEXT", value: values[code] }]),
  );
}

/** A form page: `formBridge.fn`, and contexts made as FormBridge makes them for each event. */
function formPage(record: FormRecord, options: { fnErrors?: boolean; fnThrows?: boolean } = {}) {
  const fieldErrors = new Map<string, string | null>();
  let prevented = false;
  const setError = (code: string, message: string | null) => {
    if (options.fnThrows) throw new Error("not on this form");
    fieldErrors.set(code, message);
  };
  const fb: FormBridgeApi = {
    events: { on: jest.fn() },
    fn: {
      getRecord: () => structuredClone(record),
      ...(options.fnErrors || options.fnThrows ? { setFieldValueError: setError } : {}),
    },
  };
  const context = (name: string, extra: Record<string, unknown> = {}) =>
    contextFor(name, {
      getRecord: () => structuredClone(record),
      setFieldValue: jest.fn(),
      setSubtableFieldValue: jest.fn(),
      setFieldValueError: setError,
      setSubtableFieldValueError: jest.fn(),
      preventDefault: () => {
        prevented = true;
      },
      extra,
    }) as never;
  return { fb, context, fieldErrors, prevented: () => prevented };
}

const options = (alert = jest.fn()) => ({
  settings: defaultProgramSettings(),
  lang: "ja" as const,
  alert,
  now: () => new Date("2024-07-20T00:00:00Z"),
});

describe("FormBridge script", () => {
  it.each(["form.confirm", "form.submit", "confirm.submit"])(
    "on %s (no error setter in its context) cancels and names each field in one alert",
    (event) => {
      const page = formPage(answer({ postal_code: "12", consent_survey: [] }));
      const alert = jest.fn();
      expect(checkSubmission(page.fb, page.context(event), options(alert))).toBe(false);
      expect(page.prevented()).toBe(true);
      expect(alert).toHaveBeenCalledTimes(1);
      const [message] = alert.mock.calls[0] as [string];
      expect(message).toMatch(/^郵便番号: .*郵便番号/m);
      expect(message).toMatch(/^アンケート・ヒアリングへの協力: /m);
      expect(message).not.toMatch(/企業名/);
    },
  );

  it("puts the messages under their fields with formBridge.fn.setFieldValueError when the form has it", () => {
    const page = formPage(answer({ postal_code: "12" }), { fnErrors: true });
    const alert = jest.fn();
    expect(checkSubmission(page.fb, page.context("form.submit"), options(alert))).toBe(false);
    expect(page.fieldErrors.get("postal_code")).toMatch(/郵便番号/);
    expect(page.fieldErrors.get("company_name")).toBeNull();
    expect(alert).not.toHaveBeenCalled();
  });

  it("falls back to the alert when formBridge.fn.setFieldValueError throws", () => {
    const page = formPage(answer({ postal_code: "12" }), { fnThrows: true });
    const alert = jest.fn();
    expect(checkSubmission(page.fb, page.context("form.submit"), options(alert))).toBe(false);
    expect(alert).toHaveBeenCalledWith(expect.stringMatching(/^郵便番号: /m));
  });

  it("lets a valid answer (warnings included) through and clears old messages", () => {
    const page = formPage(answer({ address: "大阪府大阪市1-1" }), { fnErrors: true });
    expect(checkSubmission(page.fb, page.context("form.confirm"), options())).toBe(true);
    expect(page.prevented()).toBe(false);
    expect(page.fieldErrors.get("postal_code")).toBeNull();
  });

  it("says a clearly closed window in the alert, since the receipt time is not on the form", () => {
    const page = formPage(answer(), { fnErrors: true });
    const alert = jest.fn();
    const late = { ...options(alert), now: () => new Date("2024-08-09T08:10:01Z") };
    expect(checkSubmission(page.fb, page.context("form.submit"), late)).toBe(false);
    expect(alert).toHaveBeenCalledWith(expect.stringMatching(/申込受付期間（.*）は終了/));
  });

  it("leaves a submission within ten minutes of the deadline to kintone's receipt time", () => {
    const page = formPage(answer(), { fnErrors: true });
    const alert = jest.fn();
    // The applicant's clock says 17:05: kintone's created time decides at screening.
    const close = { ...options(alert), now: () => new Date("2024-08-09T08:05:00Z") };
    expect(checkSubmission(page.fb, page.context("form.submit"), close)).toBe(true);
    expect(alert).not.toHaveBeenCalled();
  });

  it("blocks an NPO that chose その他の法人・団体, with the reason under the field", () => {
    const page = formPage(answer({ entity_type: "その他の法人・団体" }), { fnErrors: true });
    expect(checkSubmission(page.fb, page.context("form.confirm"), options())).toBe(false);
    expect(page.fieldErrors.get("entity_type")).toMatch(/会社.*と個人事業主だけです/);
  });

  it("on a field's change, sets or clears that field's message from the new value only", () => {
    const page = formPage(answer({ company_name: "" }));
    checkFieldChange(
      page.fb,
      "postal_code",
      page.context("form.field.change.postal_code", { value: "12" }),
      options(),
    );
    expect(page.fieldErrors.get("postal_code")).toMatch(/郵便番号/);
    expect(page.fieldErrors.has("company_name")).toBe(false);
    checkFieldChange(
      page.fb,
      "postal_code",
      page.context("form.field.change.postal_code", { value: "1638001" }),
      options(),
    );
    expect(page.fieldErrors.get("postal_code")).toBeNull();
  });

  it("registers only events FormBridge knows: each applicant field's change, confirm and submit", () => {
    const page = formPage(answer());
    registerFormBridge(page.fb, options());
    const names = (page.fb.events.on as jest.Mock).mock.calls.map((call) => call[0] as string);
    expect(names.filter((name) => !name.startsWith("form.field.change."))).toEqual([
      "form.confirm",
      "form.submit",
      "confirm.submit",
    ]);
    expect(names).toContain("form.field.change.postal_code");
    expect(names.every(isKnownEvent)).toBe(true);
  });
});
