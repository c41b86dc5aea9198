import type { ApplicationField } from "../core/vocabulary";

/**
 * The applications-app fields an applicant fills in on the public form (spec §2.1): the form
 * built in FormBridge maps exactly these. The receipt time, screening, lottery and visit fields
 * are the server's and the secretariat's, never the applicant's.
 */
export const APPLICANT_FORM_FIELDS = [
  "company_name",
  "entity_type",
  "corporate_number",
  "representative_name",
  "postal_code",
  "prefecture",
  "address",
  "industry",
  "business_description",
  "capital_yen",
  "employees",
  "participation_category",
  "prior_program",
  "consent_survey",
  "declarations",
  "contact_name",
  "contact_email",
  "contact_phone",
] as const satisfies readonly ApplicationField[];
