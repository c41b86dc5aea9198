/**
 * 法人番号 check digit (財務省令「法人番号の指定等に関する省令」第2条): over the 12 base digits counted from
 * the right (n = 1 is the last digit), check = 9 − (Σ Pn·Qn mod 9) with Qn = 1 for odd n, 2 for even n.
 * The mod applies to the whole sum. `digits` must be the 13-digit number (check digit first).
 */
export function corporateNumberCheckDigit(digits: string): number {
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = digits.charCodeAt(13 - n) - 48;
    sum += n % 2 === 0 ? digit * 2 : digit;
  }
  return 9 - (sum % 9);
}

export const CORPORATE_NUMBER_PATTERN = /^\d{13}$/;

/** True for a 13-digit 法人番号 whose first digit matches its check digit. */
export function isValidCorporateNumber(digits: string): boolean {
  return (
    CORPORATE_NUMBER_PATTERN.test(digits) &&
    corporateNumberCheckDigit(digits) === digits.charCodeAt(0) - 48
  );
}
