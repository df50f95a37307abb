import { italianNumberWords } from './italian-number-words';

describe('italianNumberWords', () => {
  it.each([
    [0, 'zero'],
    [1, 'uno'],
    [10, 'dieci'],
    [20, 'venti'],
    [21, 'ventuno'],
    [23, 'ventitré'],
    [28, 'ventotto'],
    [45, 'quarantacinque'],
    [68, 'sessantotto'],
    [100, 'cento'],
    [101, 'centouno'],
    [180, 'centottanta'],
    [229, 'duecentoventinove'],
    [1000, 'mille'],
    [2210, 'duemiladuecentodieci'],
  ])('%i → %s', (n, words) => expect(italianNumberWords(n)).toBe(words));
  it('falls back to digits outside its range', () => expect(italianNumberWords(1_000_000)).toBe('1000000'));
});
