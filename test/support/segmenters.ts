import { Segmenter } from '../../server/src/core/segmenter';
import { chooseSegmenter } from '../../server/src/segment';

let shared: Segmenter | undefined;

/** The default backend, loaded once per test process. */
export function defaultSegmenter(): Segmenter {
  if (!shared) {
    const choice = chooseSegmenter('node-rs-jieba');
    if (choice.fallbackReason) throw new Error(choice.fallbackReason);
    shared = choice.segmenter;
  }
  return shared;
}
