/** kintone's REST limits (spec and kintone's docs): every adapter plans its requests by these. */
export const RECORDS_PER_READ = 500;
export const RECORDS_PER_WRITE = 100;
export const REQUESTS_PER_BULK = 20;
