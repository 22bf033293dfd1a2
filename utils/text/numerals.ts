/** Chinese numerals as used in speech enumerations (一 … 九十九); the same characters serve Traditional texts. */

const DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Value of 一 … 九十九 (十, 十一, 二十, 二十三), or 0 when the string is not such a numeral. */
export function chineseNumeral(s: string): number {
  if (s.length === 0 || s.length > 3) return 0;
  const ten = s.indexOf('十');
  if (ten === -1) return s.length === 1 ? (DIGITS[s] ?? 0) : 0;
  if (s.indexOf('十', ten + 1) !== -1) return 0;
  const before = s.slice(0, ten);
  const after = s.slice(ten + 1);
  const tens = before === '' ? 1 : (DIGITS[before] ?? 0);
  const ones = after === '' ? 0 : (DIGITS[after] ?? 0);
  if (tens === 0 || (after !== '' && ones === 0) || before.length > 1 || after.length > 1) return 0;
  return tens * 10 + ones;
}

/** Value of ① … ⑳, or 0. */
export function circledNumeral(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  return c >= 0x2460 && c <= 0x2473 ? c - 0x245f : 0;
}
