/** What every tokenizer adapter offers: ids of a text, and where each token starts (for boundaries on hover). */
export interface TokenCounter {
  id: string;
  label: string;
  encode(text: string): number[];
  /** Start offsets (UTF-16, within `text`) of each token of `ids`; best effort, may be shorter than ids. */
  boundaries(text: string, ids: number[]): number[];
  /**
   * true when the vocabulary holds the chat template's special tokens (a Hugging Face tokenizer.json of
   * the model): they are encoded for real. false for a stand-in such as cl100k: each counts as one token.
   */
  ownsSpecials: boolean;
}
