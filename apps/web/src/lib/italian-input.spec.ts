import { numberInText, parseItalianDate, parseItalianDecimal } from './italian-input';

describe('Italian input', () => {
  it.each([
    ['60,5', '60.5'],
    ['1.234.567,89', '1234567.89'],
    ['1234,5', '1234.5'],
    ['-3', '-3'],
    [' 17 ', '17'],
    ['007', '7'],
    ['0,25', '0.25'],
    ['45%', '45'],
    ['1.234', '1234'],
  ])('reads %s as %s', (input, expected) => {
    expect(parseItalianDecimal(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['60.5', /virgola/],
    ['', /Inserire/],
    ['1,2,3', /non valido/],
    ['12a', /non valido/],
    ['1.23,4', /non valido/],
  ])('refuses %s with an Italian message', (input, message) => {
    const parsed = parseItalianDecimal(input);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(message);
  });

  it('finds the number in a result text only when it can be read without guessing', () => {
    expect(numberInText('Raggiunti 1.250 utenti (60,5% del previsto)')).toBe('1250');
    expect(numberInText('17 interventi')).toBe('17');
    expect(numberInText('Percentuale: 34,90%')).toBe('34.90');
    expect(numberInText('Gara aggiudicata')).toBeNull();
  });

  it('reads dates as gg/mm/aaaa and refuses impossible ones', () => {
    expect(parseItalianDate('31/12/2020')).toEqual({ ok: true, value: '2020-12-31' });
    expect(parseItalianDate('1/7/2021')).toEqual({ ok: true, value: '2021-07-01' });
    expect(parseItalianDate('29/02/2021')).toEqual({ ok: false, message: 'La data 29/02/2021 non esiste.' });
    expect(parseItalianDate('2020-12-31').ok).toBe(false);
  });
});
