// The linebreak package (UAX #14) ships no types; this is the part of its API layout uses.
declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
}
