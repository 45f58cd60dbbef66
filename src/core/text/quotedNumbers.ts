/**
 * For lesson tests: the numbers a step's text quotes, and those of them its page does not show
 * (compared at the precision the text writes: "2.1" matches 2.08 on screen, "3" matches 3).
 */

/**
 * Numbers as written ("1,500", "2.1"), commas dropped; not the digits of a name (r1, c2, n2:3's 3 stays,
 * #4's 4 does not). `nameChars` adds characters that join digits to a name (bloom's "miss-0": '-').
 */
export function quotedNumbers(text: string, nameChars = ''): string[] {
  const joined = `\\w#.${nameChars.replace(/[\]\\^-]/g, '\\$&')}`;
  const pattern = new RegExp(`(?<![${joined}])\\d+(?:,\\d{3})*(?:\\.\\d+)?(?![\\w#])`, 'g');
  return [...text.matchAll(pattern)].map((m) => m[0].replace(/,/g, ''));
}

/** The numbers `text` quotes that no number of `screen` matches at the text's precision. */
export function missingNumbers(text: string, screen: readonly string[], nameChars = ''): string[] {
  const shown = screen.flatMap((line) => quotedNumbers(line, nameChars)).map(Number);
  return quotedNumbers(text, nameChars).filter((q) => {
    const decimals = q.includes('.') ? q.split('.')[1].length : 0;
    return !shown.some((v) => v.toFixed(decimals) === q);
  });
}
