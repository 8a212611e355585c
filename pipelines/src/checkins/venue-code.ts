/**
 * 1922 venue codes are 15 digits, printed on the QR poster as 4-4-4-3 groups
 * ("2770 2513 6512 291"). Returns the bare digits, or undefined.
 */
export function parseVenueCode(raw: string): string | undefined {
  const digits = raw.replace(/[\s-]/g, '');
  return /^\d{15}$/.test(digits) ? digits : undefined;
}

/** The poster spelling: 4-4-4-3 groups. */
export function formatVenueCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4, 8)} ${code.slice(8, 12)} ${code.slice(12)}`;
}
