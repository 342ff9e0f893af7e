/**
 * The fee a confirmation step showed, as its form sends it back (whole öre in a hidden field): a number, or
 * null for anything else, which shows the step again. Cancelling and erasing, by the person or an organiser.
 */
export function expectedFeeFromForm(text: unknown): number | null {
  return typeof text === 'string' && /^\d{1,9}$/.test(text) ? Number(text) : null;
}
