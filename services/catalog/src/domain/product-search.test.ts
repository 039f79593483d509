import { describe, expect, it } from '@jest/globals';
import { searchWords } from './product-search.js';

describe('searchWords', () => {
  it.each([
    ['steel kettle', ['steel', 'kettle']],
    ['  Zephyr-kettle, 2L!  ', ['Zephyr', 'kettle', '2L']],
    ["kett:* | !(lamp) & ' OR 1=1; --", ['kett', 'lamp', 'OR', '1', '1']],
    ['?!… -- *** 🔥', []],
    ['crème brûlée 日本語', ['crème', 'brûlée', '日本語']],
    // "è" written as e + combining grave accent is normalised to one letter, not split.
    ['cre\u0300me', ['crème']],
    ['नमस्ते दुनिया', ['नमस्ते', 'दुनिया']],
  ])('finds the words of %p', (text, words) => {
    expect(searchWords(text)).toEqual(words);
  });
});
