/**
 * What to do with a plain-text file that is mostly Chinese: the setting
 * corpusLens.plaintext.openAsCorpus decides, and under `ask` an answer kept for the workspace.
 * No vscode import, so that a unit test can hold it.
 */
export type OpenAsCorpusSetting = 'ask' | 'always' | 'never';
/** The answers to the question that are kept for the workspace. */
export type WorkspaceAnswer = 'always' | 'never';

export const OPEN_AS_CORPUS_SETTINGS: readonly OpenAsCorpusSetting[] = ['ask', 'always', 'never'];

export function openAsCorpusAction(setting: unknown, answer: unknown): 'switch' | 'ask' | 'leave' {
  // A wrong value in settings.json counts as the default.
  const chosen = OPEN_AS_CORPUS_SETTINGS.includes(setting as OpenAsCorpusSetting) ? setting : 'ask';
  if (chosen === 'always') return 'switch';
  if (chosen === 'never') return 'leave';
  if (answer === 'always') return 'switch';
  if (answer === 'never') return 'leave';
  return 'ask';
}
