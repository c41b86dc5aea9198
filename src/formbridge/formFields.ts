import { APPLICANT_FIELDS } from "../core/vocabulary";

/** The applications-app fields the form built in FormBridge maps (spec §2.1): the applicant's own. */
export const APPLICANT_FORM_FIELDS = APPLICANT_FIELDS;
