/** How long a check took, for the reports that print it (text, Markdown, JUnit). */
export interface Timing {
  seconds: number;
  devices: number;
}
