/** IOS's refusal of a line, shared by the personality and by commands that exist only on some models. */

/** The caret under the failing column (counted after the prompt) and `% Invalid input`. */
export const invalidInput = (promptLength: number, column: number): string =>
  `${' '.repeat(promptLength + column)}^\n% Invalid input detected at '^' marker.\n`;
