/**
 * Cardinal numbers in Italian words, as the "in sintesi" sentence writes them
 * ("quarantacinque indirizzi strategici"). Covers 0 to 999 999, which is plenty for counts of
 * objectives; larger numbers fall back to digits.
 */
const UNITS = ['zero', 'uno', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove', 'dieci', 'undici', 'dodici', 'tredici', 'quattordici', 'quindici', 'sedici', 'diciassette', 'diciotto', 'diciannove'];
const TENS = ['', '', 'venti', 'trenta', 'quaranta', 'cinquanta', 'sessanta', 'settanta', 'ottanta', 'novanta'];

function below100(n: number): string {
  if (n < 20) return UNITS[n];
  const tens = TENS[Math.floor(n / 10)];
  const unit = n % 10;
  if (unit === 0) return tens;
  // "ventuno", "trentotto": the tens drop their final vowel before uno and otto.
  const stem = unit === 1 || unit === 8 ? tens.slice(0, -1) : tens;
  return stem + (unit === 3 ? 'tré' : UNITS[unit]);
}

function below1000(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const head = hundreds === 0 ? '' : hundreds === 1 ? 'cento' : UNITS[hundreds] + 'cento';
  if (rest === 0) return head || 'zero';
  // "centottanta": cento drops its o before ottanta and otto.
  const joined = head && Math.floor(rest / 10) === 8 ? head.slice(0, -1) : head;
  return joined + below100(rest);
}

export function italianNumberWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) return String(n);
  if (n < 1000) return below1000(n);
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const head = thousands === 1 ? 'mille' : below1000(thousands) + 'mila';
  return rest === 0 ? head : head + below1000(rest);
}
