/** Capitalisation helpers shared by the lemmatiser and the name generator. */

/** True when the text has letters and none of them is lowercase (e.g. "KCNA", "SHBA"). */
export function isAllCaps(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text) && [...text].filter((c) => /\p{L}/u.test(c)).length > 1;
}

/** True when the first letter is uppercase. */
export function isCapitalised(text: string): boolean {
  return /^\P{L}*\p{Lu}/u.test(text);
}

/** Gives `text` the capitalisation pattern of `model`: all caps, or the same letters capitalised position by position. */
export function copyCase(text: string, model: string): string {
  if (isAllCaps(model)) return text.toUpperCase();
  const chars = [...text];
  const modelChars = [...model];
  return chars
    .map((c, i) => {
      const m = modelChars[i];
      return m !== undefined && m !== m.toLowerCase() && m.toLowerCase() === c.toLowerCase() ? m : c;
    })
    .join('');
}
