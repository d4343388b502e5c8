/**
 * Chooses a segmenter backend. The only module that knows which backends exist.
 */
import { Segmenter } from '../core/segmenter';
import { createIntlSegmenter } from './intl';
import { createNodejieba } from './nodejieba';
import { createNodeRsJieba } from './nodeRsJieba';

export type SegmenterPreference = 'auto' | 'node-rs-jieba' | 'nodejieba' | 'intl';
export const SEGMENTER_PREFERENCES: SegmenterPreference[] = ['auto', 'node-rs-jieba', 'nodejieba', 'intl'];

export interface SegmenterChoice {
  segmenter: Segmenter;
  /** Why the preferred backend is not in use, when it is not. */
  fallbackReason: string | null;
}

const FACTORIES: Record<Exclude<SegmenterPreference, 'auto'>, () => Segmenter> = {
  'node-rs-jieba': createNodeRsJieba,
  nodejieba: createNodejieba,
  intl: createIntlSegmenter,
};

export function chooseSegmenter(preference: SegmenterPreference = 'auto'): SegmenterChoice {
  const wanted = preference === 'auto' ? 'node-rs-jieba' : preference;
  try {
    return { segmenter: FACTORIES[wanted](), fallbackReason: null };
  } catch (error) {
    const reason = `${wanted} could not be loaded (${(error as Error).message.split('\n')[0]}); using Intl.Segmenter`;
    return { segmenter: createIntlSegmenter(), fallbackReason: reason };
  }
}

export function isSegmenterPreference(value: unknown): value is SegmenterPreference {
  return typeof value === 'string' && (SEGMENTER_PREFERENCES as string[]).includes(value);
}
